# Sourced by run.sh and test.sh from the checkout's root: installs what is missing and sets up
# the compiler cache for the builds that follow.
./scripts/install-deps.sh
# ccache makes rebuilds of unchanged files (and of fresh clones) cheap; paths are hashed relative
# to the checkout so clones in different directories share the cache.
export CCACHE_BASEDIR="$PWD"
# Debug info would otherwise put the checkout's directory into every cache key.
export CCACHE_NOHASHDIR=1
# Two builds share the cache (gcc RelWithDebInfo and the clang sanitizer build, about 8 GB with
# debug info); ccache's default 5 GB evicted one while the other built.
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
# shellcheck disable=SC2034 # used by the script that sources this one
launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
