#!/bin/sh
# Runs a command against a real Secret Service: a private D-Bus session bus with an unlocked
# gnome-keyring on it, keyrings kept in a throw-away HOME so no user keyring is touched.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/burst-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
# The unlock password creates the "login" collection, which libsecret uses as the default.
dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets \
    >/dev/null && exec "$@"' with-keyring "$@"
