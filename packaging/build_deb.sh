#!/usr/bin/env bash
# Build the BP Studio .deb: a PyInstaller one-folder bundle under /opt/bpstudio, the
# /usr/bin/bpstudio launcher, desktop entry, hicolor icons, AppStream metadata and docs.
#
#     bash packaging/build_deb.sh            ->  dist/bpstudio_<version>_<arch>.deb
#
# Builds from Debian's own Python (/usr/bin/python3) in a venv under build/packaging/ (a pyenv
# or other non-system Python would bake its own library path into the bundle). As root it
# installs what it needs with apt-get (python3-venv, python3-dev, binutils, desktop-file-utils,
# appstream, and the runtime libraries the control file's Depends lists, so that the Depends
# check below can see them); otherwise it says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/build/packaging
VENV=$WORK/venv
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
start=$(date +%s)
say() { echo "build_deb: $*"; }

# --- 1. Debian packages needed to build (and, for the Depends check, the runtime libraries)
# The first alternative of each Depends entry in the control template.
runtime_deps=$(awk '/^Depends:/ { f = 1; sub(/^Depends:/, "") } f && /^[^ \t]/ { f = 0 } f' \
  packaging/linux/control.in | tr ',' '\n' | sed 's/|.*//' | tr -d ' \t' | grep -v '^$' | tr '\n' ' ')
build_deps="python3 python3-venv python3-dev binutils dpkg desktop-file-utils appstream"
missing=()
for p in $build_deps $runtime_deps; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "not root; install these first if the build fails: ${missing[*]}" >&2
  fi
fi

# --- 2. A venv of Debian's Python with bpstudio (not editable) and PyInstaller
SYSPY=/usr/bin/python3
base=$("$SYSPY" -c 'import sys; print(sys.base_prefix)')
if [ "$base" != "/usr" ]; then
  say "$SYSPY is not Debian's Python (base prefix $base)" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV from $SYSPY"
  mkdir -p "$WORK"
  "$SYSPY" -m venv "$VENV"
fi
say "installing bpstudio and PyInstaller into the build venv"
"$VENV/bin/python" -m pip install -q "pyinstaller>=6.10,<7" "$ROOT" 2>&1 | grep -v "is ignored" || true
# Always reinstall bpstudio itself, so the bundle has the working tree's current code.
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$ROOT" 2>&1 | grep -v "is ignored" || true
VERSION=$(cd "$WORK" && "$VENV/bin/python" -c 'import bpstudio; print(bpstudio.__version__)')
case "$VERSION" in *unknown*) say "bpstudio has no version metadata" >&2; exit 1 ;; esac
# PEP 440 -> Debian: pre-releases sort before the release (1.0rc1 -> 1.0~rc1).
DEB_VERSION=$(echo "$VERSION" | sed -E 's/[.]?(dev|a|b|rc)([0-9]*)/~\1\2/')
ARCH=$(dpkg --print-architecture)
say "bpstudio $VERSION -> bpstudio_${DEB_VERSION}_${ARCH}.deb"

# --- 3. Icons and the PyInstaller bundle
rm -rf "$WORK/icons"
(cd "$WORK" && "$VENV/bin/python" "$ROOT/packaging/render_icons.py" "$WORK/icons" >/dev/null)
t0=$(date +%s)
say "PyInstaller (one-folder)"
# Run from $WORK so that `bpstudio` is imported from the venv, not from the source tree.
(cd "$WORK" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$WORK/pyinstaller-dist" --workpath "$WORK/pyinstaller-work" \
  "$ROOT/packaging/bpstudio.spec") > "$WORK/pyinstaller.log" 2>&1 || {
  tail -n 40 "$WORK/pyinstaller.log" >&2; exit 1; }
say "PyInstaller took $(( $(date +%s) - t0 )) s"
BUNDLE=$WORK/pyinstaller-dist/bpstudio
got=$("$BUNDLE/bpstudio" --version)
if [ "$got" != "bpstudio $VERSION" ]; then
  say "the bundle says '$got', expected 'bpstudio $VERSION'" >&2
  exit 1
fi

# --- 4. Stage the package tree
PKG=$WORK/deb/bpstudio_${DEB_VERSION}_${ARCH}
rm -rf "$WORK/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/metainfo" "$PKG/usr/share/doc/bpstudio" \
  "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$PKG/opt/bpstudio"
ln -s /opt/bpstudio/bpstudio "$PKG/usr/bin/bpstudio"
install -m 0644 packaging/linux/org.bpstudio.BPStudio.desktop "$PKG/usr/share/applications/"
install -m 0644 packaging/linux/org.bpstudio.BPStudio.metainfo.xml "$PKG/usr/share/metainfo/"
install -m 0644 bpstudio/resources/icons/bpstudio.svg "$PKG/usr/share/icons/hicolor/scalable/apps/"
for dir in "$WORK"/icons/*x*; do
  size=$(basename "$dir")
  install -D -m 0644 "$dir/bpstudio.png" "$PKG/usr/share/icons/hicolor/$size/apps/bpstudio.png"
done
install -m 0644 packaging/linux/copyright "$PKG/usr/share/doc/bpstudio/copyright"
{
  top=$(sed -nE '1s/^bpstudio \(([^)]*)\).*/\1/p' packaging/linux/changelog)
  if [ "$top" != "$DEB_VERSION" ]; then  # a version bump without a changelog entry
    printf 'bpstudio (%s) unstable; urgency=medium\n\n  * Built from the source tree at version %s.\n\n -- %s  %s\n\n' \
      "$DEB_VERSION" "$VERSION" "The BP Studio developers <bpstudio@users.noreply.github.com>" \
      "$(date -R)"
  fi
  cat packaging/linux/changelog
} | gzip -9n > "$PKG/usr/share/doc/bpstudio/changelog.gz"  # a native package: changelog.gz
chmod 0644 "$PKG/usr/share/doc/bpstudio/changelog.gz"
# The manual page, written from the command line's own help (the venv's bpstudio), dated by
# the changelog so that the same source gives the same page.
mkdir -p "$PKG/usr/share/man/man1"
changelog_date=$(sed -nE 's/^ -- .*>  (.*)$/\1/p' packaging/linux/changelog | head -n 1)
(cd "$WORK" && SOURCE_DATE_EPOCH=$(date -d "$changelog_date" +%s) \
  "$VENV/bin/python" "$ROOT/packaging/linux/make_manpage.py" "$WORK/bpstudio.1")
gzip -9n -c "$WORK/bpstudio.1" > "$PKG/usr/share/man/man1/bpstudio.1.gz"
chmod 0644 "$PKG/usr/share/man/man1/bpstudio.1.gz"
# Normal permissions whatever the umask: directories 755, executables 755, other files 644.
find "$PKG" -type d -exec chmod 0755 {} +
find "$PKG/opt" -type f -perm /111 -exec chmod 0755 {} +
find "$PKG/opt" -type f ! -perm /111 -exec chmod 0644 {} +
# Shared libraries are loaded, never run: 0644 (lintian: shared-library-is-executable). The
# wheels ship some of Qt's, ICU's and OpenBLAS's with the executable bit.
find "$PKG/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +

installed_kb=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
# The template folds Depends over several lines to be readable; a binary package's control file
# needs it on one line (lintian: multiline-field), so the continuation lines are joined here.
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
  packaging/linux/control.in | awk '
    /^Depends:/ { depends = $0; folding = 1; next }
    folding && /^[ \t]/ { line = $0; sub(/^[ \t]+/, " ", line); depends = depends line; next }
    folding { print depends; folding = 0 }
    { print }
    END { if (folding) print depends }' > "$PKG/DEBIAN/control"
chmod 0644 "$PKG/DEBIAN/control"

# --- 5. Checks: desktop entry, AppStream, and that Depends covers every system library
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$PKG/usr/share/applications/org.bpstudio.BPStudio.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --pedantic "$PKG/usr/share/metainfo/org.bpstudio.BPStudio.metainfo.xml" \
    >/dev/null || appstreamcli validate --no-net "$PKG/usr/share/metainfo/org.bpstudio.BPStudio.metainfo.xml"
fi
"$SYSPY" packaging/linux/check_depends.py "$PKG/opt/bpstudio" --control "$PKG/DEBIAN/control" \
  > "$WORK/depends.txt" || { cat "$WORK/depends.txt"; exit 1; }
tail -n 1 "$WORK/depends.txt" | sed 's/^/build_deb: /'

# --- 6. The .deb
mkdir -p dist
OUT=dist/bpstudio_${DEB_VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$OUT" >/dev/null
say "wrote $OUT: $(du -h "$OUT" | cut -f1) (installed size $((installed_kb / 1024)) MiB)" \
  "in $(( $(date +%s) - start )) s"
