#!/usr/bin/env bash
# Builds the Debian package build/burst-console_<version>_amd64.deb from the build/ configuration
# (configured as test.sh does when missing), stripped. Builds only what the package holds, not the
# tests. Install it with: sudo apt-get install ./build/burst-console_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/build-env.sh

if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
fi
cmake --build build --parallel "$(nproc)" --target burst_package_contents
rm -f build/burst-console_*.deb
# cpack installs into build/_CPack_Packages, strips, runs dpkg-shlibdeps and writes the .deb.
(cd build && cpack -G DEB -D CPACK_STRIP_FILES=ON)
deb=$(ls build/burst-console_*.deb)
echo "package.sh: $deb ($(du -k "$deb" | cut -f1) KiB)"
