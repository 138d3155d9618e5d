#!/usr/bin/env bash
# Installs the Debian 12 packages Burst Console needs, only those missing. Sourced or run by
# run.sh and test.sh; safe to run again.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config ccache openssl
    clang-14 libfuzzer-14-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev qt6-svg-dev qt6-websockets-dev qtkeychain-qt6-dev qt6-translations-l10n
    libqt6svg6 qt6-qpa-plugins libgl-dev libqt6opengl6-dev libxkbcommon-dev libyaml-cpp-dev
    libdtl-dev libboost-dev libssl-dev libvterm-dev
    xvfb xauth fonts-noto-cjk fonts-dejavu-core
    gnome-keyring dbus-daemon libsecret-tools
    help2man desktop-file-utils appstream dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo for apt-get" >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
