#!/usr/bin/env bash
# Build a .dmg from the PyInstaller app (pyinstaller build.spec -> dist/Veldwerk.app) on macOS.
#
#   packaging/macos/build-dmg.sh [APP [OUT_DIR]]     (defaults: dist/Veldwerk.app, dist)
#
# The image holds Veldwerk.app and a link to /Applications to drag it onto. The app is not
# signed or notarised (that needs an Apple Developer ID): Gatekeeper asks once, via
# right-click > Open. The Info.plist (bundle id, version, icon) is set in build.spec.
# Built and tested only on the GitHub macOS runner (.github/workflows/macos.yml).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="${1:-$root/dist/Veldwerk.app}"
out="${2:-$root/dist}"

[ -d "$app" ] || { echo "no app at $app: run pyinstaller build.spec first" >&2; exit 1; }
version="$("$app/Contents/MacOS/veldwerk" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "the app did not report its version" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/Veldwerk.app"
ln -s /Applications "$stage/Applications"

mkdir -p "$out"
dmg="$out/Veldwerk-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "Veldwerk $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
echo "$dmg"
