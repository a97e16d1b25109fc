#!/usr/bin/env bash
# Builds the Debian package from a configured build tree, checks it with lintian,
# desktop-file-validate and appstreamcli, unpacks it into a scratch root (dpkg -x) and runs
# the installed programs against the installed data.
set -euo pipefail
build=$(cd "$1" && pwd)
work="$build/test-artifacts/package"
rm -rf "$work"
mkdir -p "$work/out" "$work/root" "$work/home"

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/hepdesk_*.deb)
echo "package: $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Package Version Section Maintainer Depends

# lintian: no errors allowed (warnings are listed).
lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee "$work/lintian.txt"

dpkg -x "$deb" "$work/root"
root="$work/root"
desktop-file-validate "$root/usr/share/applications/org.hepdesk.HepDesk.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.hepdesk.HepDesk.metainfo.xml"
for size in 16 32 48 128 256; do
  test -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.hepdesk.HepDesk.png"
done
test -s "$root/usr/share/man/man1/hepdesk-cli.1.gz"

unset HEPDESK_TEMPLATES_DIR
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
version=$("$root/usr/bin/hepdesk-cli" --version)
echo "installed: $version"
[[ "$version" == "hepdesk-cli "* ]]
# The installed program must read the installed templates, not the source tree.
"$root/usr/bin/hepdesk-cli" --help | grep -F "Templates: $root/usr/share/hepdesk/templates"
# The Spanish interface travels inside the installed program (embedded catalogue).
QT_QPA_PLATFORM=offscreen "$root/usr/bin/hepdesk" --lang es --help |
  grep -F "Idioma de la interfaz para esta ejecución"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/hepdesk" --db "$work/installed.sqlite" \
  --screenshot "$work/installed-main-window.png"
test -s "$work/installed-main-window.png"
echo "package test passed"
