#!/usr/bin/env bash
# Checks the Debian package the way an operator meets it: scripts/package.sh builds it from build/
# (re-using that build), dpkg -x unpacks it into a scratch root, and the unpacked programs, desktop
# file, AppStream metadata and bash completion are exercised there. Run by test.sh after the
# normal suite; alone: tests/package/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
./scripts/package.sh >"$root.log" 2>&1 || { cat "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
deb=$(ls build/burst-console_*_amd64.deb)
version=$(sed -n 's/^project(BurstConsole VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ "$deb" = "build/burst-console_${version}_amd64.deb" ] || { echo "check: unexpected name $deb" >&2; exit 1; }
dpkg -x "$deb" "$root"
failures=0 reported=0
fail() { echo "check: FAIL: $*" >&2; failures=$((failures + 1)); }
# Ends a group of checks: "ok" only when none of them failed since the previous group.
pass() {
    if [ "$failures" -eq "$reported" ]; then echo "check: ok: $*"; else echo "check: failed: $*"; fi
    reported=$failures
}

# 1. The file list: everything an operator expects, nothing from the build tree.
expected=(
    usr/bin/burst-console usr/bin/burstctl usr/bin/burst-sandbox
    usr/share/applications/burst-console.desktop
    usr/share/icons/hicolor/scalable/apps/burst-console.svg
    usr/share/metainfo/io.github.burstconsole.BurstConsole.metainfo.xml
    usr/share/burst-console/translations/burst-console_zh_CN.qm
    usr/share/burst-console/translations/burst-console_en.qm
    usr/share/burst-console/examples/01-burst-label-auto.yaml
    usr/share/doc/burst-console/copyright
    usr/share/man/man1/burstctl.1.gz usr/share/man/man1/burst-console.1.gz
    usr/share/man/man1/burst-sandbox.1.gz
    usr/share/bash-completion/completions/burstctl
)
for f in "${expected[@]}"; do [ -f "$root/$f" ] || fail "missing /$f"; done
examples=$(find resources/examples -name "*.yaml" | wc -l)
[ "$(find "$root/usr/share/burst-console/examples" -name "*.yaml" | wc -l)" -eq "$examples" ] ||
    fail "not all $examples examples are installed"
unexpected=$(dpkg-deb -c "$deb" | awk '{print $6}' |
    grep -v -E '^\./usr/(bin|share/(applications|icons|metainfo|burst-console|doc|man|bash-completion))(/|$)|^\./(usr/(share/?)?)?$' || true)
[ -z "$unexpected" ] || fail "unexpected files: $unexpected"
for b in burst-console burstctl burst-sandbox; do
    file "$root/usr/bin/$b" | grep -q 'not stripped' && fail "$b is not stripped"
    missing=$(ldd "$root/usr/bin/$b" | grep 'not found' || true)
    [ -z "$missing" ] || fail "$b: $missing"
done
dpkg-deb -f "$deb" Depends | grep -q 'libqt6gui6' || fail "Depends lacks the shlibdeps libraries"
pass "file list (${#expected[@]} files, $examples examples), stripped, ldd"

# 2. The installed programs, with the installed data. HOME is a scratch folder: the console
# copies the examples into its data folder.
export HOME="$root/home" XDG_CONFIG_HOME="$root/home/.config" XDG_DATA_HOME="$root/home/.local/share"
mkdir -p "$HOME"
ctl_version=$("$root/usr/bin/burstctl" --version)
console_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/burst-console" --version 2>/dev/null)
sandbox_version=$("$root/usr/bin/burst-sandbox" --version)
[ "$ctl_version" = "burstctl $version" ] || fail "burstctl --version: $ctl_version"
[ "$console_version" = "burst-console $version" ] || fail "burst-console --version: $console_version"
[ "$sandbox_version" = "burst-sandbox $version" ] || fail "burst-sandbox --version: $sandbox_version"
pass "--version: $ctl_version / $console_version / $sandbox_version"

preview=$("$root/usr/bin/burstctl" preview -f "$root/usr/share/burst-console/examples/01-burst-label-auto.yaml")
grep -q '"admissible": true' <<<"$preview" || fail "burstctl preview of an installed example: $preview"
grep -q '"memory": "1Gi"' <<<"$preview" || fail "burstctl preview: the 512Mi pod is not normalized to 1Gi"
pass "installed burstctl preview on an installed example"

# The installed catalogue wins over the built-in one: replace the installed zh_CN catalogue (in
# the scratch root) by one whose usage line is a marker, and burstctl must print the marker.
zh=$(BURST_LANG=zh_CN "$root/usr/bin/burstctl" --help | head -1)
[ "$zh" != "Usage: burstctl COMMAND [options]" ] || fail "BURST_LANG=zh_CN: untranslated help"
usage=$(BURST_LANG=en "$root/usr/bin/burstctl" --help | sed -n '1,3p')
cat >"$root/marker.ts" <<TS
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN"><context><name>burstctl</name><message>
<source>${usage}
</source><translation>INSTALLED-CATALOGUE
</translation></message></context></TS>
TS
/usr/lib/qt6/bin/lrelease -silent "$root/marker.ts" \
    -qm "$root/usr/share/burst-console/translations/burst-console_zh_CN.qm"
marker=$(BURST_LANG=zh_CN "$root/usr/bin/burstctl" --help | head -1)
[ "$marker" = "INSTALLED-CATALOGUE" ] || fail "the installed catalogue is not the one loaded: $marker"
pass "translations from /usr/share/burst-console/translations (zh_CN: $zh)"

# The console copies the installed examples (not the built-in ones: a marker file added to the
# installed folder must arrive) into its data folder when started without paths.
cp "$root/usr/share/burst-console/examples/01-burst-label-auto.yaml" \
   "$root/usr/share/burst-console/examples/99-installed-marker.yaml"
QT_QPA_PLATFORM=offscreen timeout 5 "$root/usr/bin/burst-console" >/dev/null 2>&1 || true
copied=$(find "$XDG_DATA_HOME" -path '*/examples/*.yaml' | wc -l)
find "$XDG_DATA_HOME" -name 99-installed-marker.yaml | grep -q . ||
    fail "burst-console did not copy the installed examples ($copied files copied)"
rm "$root/usr/share/burst-console/examples/99-installed-marker.yaml"
pass "burst-console opens a copy of the installed examples ($copied files)"

# 3. Desktop integration metadata.
desktop-file-validate "$root/usr/share/applications/burst-console.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.burstconsole.BurstConsole.metainfo.xml" \
    >/dev/null || fail "appstreamcli validate --no-net"
pass "desktop-file-validate, appstreamcli validate --no-net"

# 4. The man pages are valid roff with the version and every command's help.
for page in burstctl burst-console burst-sandbox; do
    text=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/$page.1.gz" 2>/dev/null)
    grep -q "$page $version" <<<"$text" || fail "$page(1) lacks its version"
done
zcat "$root/usr/share/man/man1/burstctl.1.gz" | grep -q '^\.SS "burstctl preview"' ||
    fail "burstctl(1) lacks the preview command's help"
if zcat "$root"/usr/share/man/man1/*.gz | grep -q -F "$PWD"; then
    fail "a man page names the build folder $PWD"
fi
grep -q -F "$PWD" "$root/usr/share/bash-completion/completions/burstctl" &&
    fail "the completion script names the build folder $PWD"
pass "man pages"

# 5. The bash completion, sourced in a non-interactive bash, completes `burstctl pre` to preview,
# `burstctl get po` to pods and po, and file names after -f.
completion="$root/usr/share/bash-completion/completions/burstctl"
complete_words() { # words... -> the completions of the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _burstctl; echo "${COMPREPLY[*]}"' \
        _ "$completion" "$@"
}
[ "$(complete_words burstctl pre)" = "preview" ] || fail "burstctl pre -> $(complete_words burstctl pre)"
[ "$(complete_words burstctl get po)" = "po pod pods" ] || fail "burstctl get po -> $(complete_words burstctl get po)"
[ "$(complete_words burstctl preview --fil)" = "--filename" ] || fail "burstctl preview --fil"
got=$(cd "$root/usr/share/burst-console/examples" && complete_words burstctl preview -f 01-)
[ "$got" = "01-burst-label-auto.yaml" ] || fail "burstctl preview -f 01- -> $got"
[ "$(complete_words burstctl --kubeconfig x g)" = "get" ] || fail "burstctl --kubeconfig x g"
[ "$(complete_words burstctl logs -f p)" = "" ] || fail "logs -f is --follow, no file name"
# One shell, two completions: the second starts from an empty COMPREPLY (get takes one type).
again=$(bash -c 'source "$1"; COMP_WORDS=(burstctl pre); COMP_CWORD=1; _burstctl
    COMP_WORDS=(burstctl get pods ""); COMP_CWORD=3; _burstctl; echo "${COMPREPLY[*]}"' _ "$completion")
[ -z "$again" ] || fail "a second completion kept the first one's words: $again"
pass "bash completion"

if [ "$failures" -ne 0 ]; then
    echo "check: $failures failure(s)" >&2
    exit 1
fi
echo "check: $deb passed ($(du -k "$deb" | cut -f1) KiB)"
