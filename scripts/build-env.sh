# Sourced by run.sh and test.sh from the checkout's root: installs what is missing and sets up
# the compiler cache for the builds that follow.
./scripts/install-deps.sh
# ccache makes rebuilds of unchanged files (and of fresh clones) cheap; paths are hashed relative
# to the checkout so clones in different directories share the cache.
export CCACHE_BASEDIR="$PWD"
# Debug info would otherwise put the checkout's directory into every cache key.
export CCACHE_NOHASHDIR=1
# Two builds share the cache (gcc RelWithDebInfo and the clang sanitizer build, both with debug
# info); with ccache's default of 5 GB one could evict the other.
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
# shellcheck disable=SC2034 # used by the script that sources this one
launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
