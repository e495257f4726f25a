#!/usr/bin/env bash
# Build a .deb from the PyInstaller bundle (pyinstaller build.spec -> dist/veldwerk).
#
#   packaging/linux/build-deb.sh [BUNDLE_DIR [OUT_DIR]]     (defaults: dist/veldwerk, dist)
#   DEB_COMPRESSION=gzip DEB_LEVEL=1 packaging/linux/build-deb.sh ...   (fast, for tests)
#
# Layout: the bundle in /opt/veldwerk, a `veldwerk` command in /usr/bin, the desktop entry in
# /usr/share/applications and the icon in the hicolor theme. Every file belongs to the package,
# so `dpkg -r veldwerk` removes all of it. No maintainer scripts: the icon cache and the
# desktop database are refreshed by the dpkg triggers of hicolor-icon-theme and
# desktop-file-utils, where those are installed.
set -euo pipefail
umask 022

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$(realpath "${1:-$root/dist/veldwerk}")"
out="$(realpath -m "${2:-$root/dist}")"

[ -x "$bundle/veldwerk" ] || { echo "no bundle at $bundle: run pyinstaller build.spec first" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing (package dpkg)" >&2; exit 1; }

# The version the bundle itself reports: the one in pyproject.toml at build time.
version="$("$bundle/veldwerk" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "the bundle did not report its version" >&2; exit 1; }
arch="$(dpkg --print-architecture)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/veldwerk_${version}_${arch}"

install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/doc/veldwerk"
cp -a "$bundle" "$pkg/opt/veldwerk"
# A wrapper, not a symlink: the bootloader then finds its folder without resolving links.
cat >"$pkg/usr/bin/veldwerk" <<'SH'
#!/bin/sh
exec /opt/veldwerk/veldwerk "$@"
SH
chmod 0755 "$pkg/usr/bin/veldwerk"
install -m 0644 "$here/veldwerk.desktop" "$pkg/usr/share/applications/veldwerk.desktop"
for png in "$root"/resources/icons/veldwerk-*.png; do
  size="$(basename "$png" .png)"
  size="${size#veldwerk-}"
  install -D -m 0644 "$png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/veldwerk.png"
done
install -D -m 0644 "$root/resources/icons/veldwerk.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/veldwerk.svg"
cat >"$pkg/usr/share/doc/veldwerk/copyright" <<TXT
Veldwerk $version. The licences of the bundled parts are listed in the app under
Instellingen > Over Veldwerk; their licence files are in /opt/veldwerk/_internal/*.dist-info.
TXT

# Libraries the bundle leaves to the system (ldd of the bundle: PyInstaller does not ship libc,
# the GL/EGL driver stack, libxcb and a few xcb helpers). Wayland's extras are optional: Qt
# falls back to X11 (XWayland) without them.
cat >"$pkg/DEBIAN/control" <<CTRL
Package: veldwerk
Version: $version
Architecture: $arch
Maintainer: Veldwerk <veldwerk@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: libc6, zlib1g, libgl1, libegl1, libxcb1, libxcb-icccm4, libxcb-keysyms1, libdrm2, libwayland-client0
Recommends: fonts-dejavu-core | fonts-liberation2, libwayland-cursor0, libwayland-egl1
Section: misc
Priority: optional
Homepage: https://example.org/veldwerk
Description: offline-first field work for health-care inspectors
 Interview notes, hard and soft signals, observation of group sessions,
 attachments, findings and reports in a local encrypted (SQLCipher) store
 that syncs with the office when a connection is there.
CTRL

mkdir -p "$out"
deb="$out/veldwerk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" -z"${DEB_LEVEL:-6}" --build "$pkg" "$deb" >/dev/null
echo "$deb"
