#!/usr/bin/env bash
# Build "BP Studio.app" and dist/bpstudio-<version>.dmg on macOS.
# NOT BUILT OR TESTED in this project's CI (Linux).
#
# Needs: macOS 12+, Python 3.11+ from python.org (universal2 or the Mac's own arch) as
# python3.11, Xcode command-line tools (iconutil, hdiutil, codesign). Optional: create-dmg
# (brew install create-dmg) for a DMG with a background and an Applications link;
# otherwise plain hdiutil is used.
#
#     bash packaging/macos/build_dmg.sh
#
# Signing and notarisation (needed so Gatekeeper opens the app without a warning) are not done
# here: set CODESIGN_IDENTITY to a "Developer ID Application: ..." identity to sign; then
# `xcrun notarytool submit dist/*.dmg --wait` and `xcrun stapler staple dist/*.dmg`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/build/packaging
PY=${PYTHON:-python3.11}
mkdir -p "$WORK" build/icons dist

[ -x "$WORK/venv-mac/bin/python" ] || "$PY" -m venv "$WORK/venv-mac"
VPY=$WORK/venv-mac/bin/python
"$VPY" -m pip install "pyinstaller>=6.10,<7" "$ROOT"
"$VPY" -m pip install --no-deps --force-reinstall "$ROOT"
VERSION=$(cd "$WORK" && "$VPY" -c 'import bpstudio; print(bpstudio.__version__)')

# bpstudio.icns from the SVG: iconutil wants an .iconset of 16..512 px, @1x and @2x.
ICONSET=$WORK/bpstudio.iconset
rm -rf "$ICONSET" "$WORK/icons-mac"
"$VPY" packaging/render_icons.py "$WORK/icons-mac" --sizes 16,32,64,128,256,512,1024
mkdir -p "$ICONSET"
for s in 16 32 128 256 512; do
  cp "$WORK/icons-mac/${s}x${s}/bpstudio.png" "$ICONSET/icon_${s}x${s}.png"
  cp "$WORK/icons-mac/$((s * 2))x$((s * 2))/bpstudio.png" "$ICONSET/icon_${s}x${s}@2x.png"
done
iconutil -c icns "$ICONSET" -o build/icons/bpstudio.icns

(cd "$WORK" && "$WORK/venv-mac/bin/pyinstaller" --noconfirm \
  --distpath "$WORK/pyinstaller-dist" --workpath "$WORK/pyinstaller-work" "$ROOT/packaging/bpstudio.spec")
APP="$WORK/pyinstaller-dist/BP Studio.app"
"$APP/Contents/MacOS/bpstudio" --version

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi

DMG=dist/bpstudio-$VERSION.dmg
rm -f "$DMG"
if command -v create-dmg >/dev/null; then
  create-dmg --volname "BP Studio $VERSION" --window-size 540 360 --icon-size 96 \
    --icon "BP Studio.app" 140 170 --app-drop-link 400 170 "$DMG" "$APP"
else
  STAGE=$WORK/dmg-stage
  rm -rf "$STAGE" && mkdir -p "$STAGE"
  cp -R "$APP" "$STAGE/"
  ln -s /Applications "$STAGE/Applications"
  hdiutil create -volname "BP Studio $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
fi
echo "$DMG"
