#!/usr/bin/env bash
# End-to-end test of the Linux package, as root on Debian:
#   build the .deb (packaging/build_deb.sh), check it with lintian, `apt-get install` it, check the launcher, version,
#   desktop entry, icons and AppStream file, run a headless verb, start the installed app
#   offscreen (and, where xvfb-run exists, in a real X11 window under Xvfb) with
#   --self-test-screenshot and check each PNG is not blank, check with --self-test-training that
#   it trains in a child process of its own, then `apt-get purge` it and check that nothing is
#   left behind.
#
#     bash packaging/smoke_test.sh            (about 3-4 minutes on 2 cores)
#
# The screenshots are kept in build/packaging/smoke/. .ci/run runs this when CI=true or
# BPSTUDIO_SMOKE=1. SKIP_BUILD=1 reuses an existing dist/*.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
start=$(date +%s)
say() { echo "smoke_test: $*"; }
fail() { echo "smoke_test: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root (apt-get install/purge)"
export DEBIAN_FRONTEND=noninteractive

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  bash packaging/build_deb.sh
fi
build_s=$(( $(date +%s) - start ))
VENV_PY=$ROOT/build/packaging/venv/bin/python
deb=$(ls -t dist/bpstudio_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no dist/bpstudio_*.deb"
pkg_version=$(dpkg-deb -f "$deb" Version)
say "testing $deb (version $pkg_version, $(du -h "$deb" | cut -f1))"

OUT=$ROOT/build/packaging/smoke
rm -rf "$OUT"
mkdir -p "$OUT"

# --- lintian: Debian's own checker. Any error or warning fails, except these tags, which come
# with a self-contained app bundled under /opt (see packaging/README.md):
ACCEPTED_TAGS=(
  dir-or-file-in-opt                 # the PyInstaller bundle lives in /opt/bpstudio by design
  embedded-library                   # it carries its own Python, Qt, NumPy and their libraries
  unstripped-binary-or-object        # on purpose: stripping Qt's and NumPy's libraries breaks them
  shared-library-lacks-prerequisites # CPython's small extension modules and ICU's data library
                                     # link no libc (Debian's python3.11 overrides the same tag)
  hardening-no-pie                   # PyInstaller's prebuilt bootloader (/opt/bpstudio/bpstudio)
  duplicate-font-file                # ziamath lays formulas out with the DejaVu Sans it ships;
                                     # Debian's fonts-dejavu-core has another version of it
)
if ! command -v lintian >/dev/null; then
  say "apt-get install lintian"
  apt-get install -y -qq --no-install-recommends lintian > "$OUT/apt-lintian.log" 2>&1 \
    || { cat "$OUT/apt-lintian.log"; fail "apt-get install lintian"; }
fi
lintian --no-tag-display-limit "$deb" > "$OUT/lintian.txt" 2>&1 || true
accepted_re="^[EW]: bpstudio[^:]*: ($(IFS='|'; echo "${ACCEPTED_TAGS[*]}"))( |$)"
rejected=$(grep -E '^[EW]: ' "$OUT/lintian.txt" | grep -vE "$accepted_re" || true)
if [ -n "$rejected" ]; then
  echo "$rejected" >&2
  fail "lintian: errors or warnings outside the accepted tags (full report: $OUT/lintian.txt)"
fi
say "lintian: ok ($(grep -cE '^[EW]: ' "$OUT/lintian.txt" || true) accepted errors/warnings of" \
  "the tags ${ACCEPTED_TAGS[*]})"
TMP=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" -eq 1 ]; then apt-get purge -y -qq bpstudio >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# --- install
if dpkg-query -W -f='${Status}' bpstudio 2>/dev/null | grep -q "installed"; then
  say "purging a bpstudio left installed by an earlier run"
  apt-get purge -y -qq bpstudio >/dev/null
fi
apt-get install -y -qq "./$deb" > "$OUT/apt-install.log" 2>&1 || { cat "$OUT/apt-install.log"; fail "apt-get install"; }
installed=1
say "installed; installed size $(du -sh /opt/bpstudio | cut -f1)"

# --- files and launcher
# The launcher by its full path: a developer's PATH may find a pip-installed bpstudio first.
APP=/usr/bin/bpstudio
[ -x "$APP" ] || fail "no $APP"
[ "$(readlink -f "$APP")" = /opt/bpstudio/bpstudio ] || fail "$APP does not lead to /opt/bpstudio/bpstudio"
version_out=$("$APP" --version)
[ "$version_out" = "bpstudio $pkg_version" ] || fail "bpstudio --version says '$version_out', package is $pkg_version"
desktop=/usr/share/applications/org.bpstudio.BPStudio.desktop
[ -f "$desktop" ] || fail "no $desktop"
grep -q '^Exec=bpstudio' "$desktop" || fail "$desktop: Exec is not bpstudio"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
for size in 16 22 24 32 48 64 128 256; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/bpstudio.png" ] || fail "no ${size}px icon"
done
[ -f /usr/share/icons/hicolor/scalable/apps/bpstudio.svg ] || fail "no scalable icon"
[ -f /usr/share/metainfo/org.bpstudio.BPStudio.metainfo.xml ] || fail "no AppStream metainfo"
[ -f /usr/share/doc/bpstudio/copyright ] || fail "no copyright file"
MANPAGE=/usr/share/man/man1/bpstudio.1.gz
[ -f "$MANPAGE" ] || fail "no manual page $MANPAGE"
zcat "$MANPAGE" | grep -q '^\.TH BPSTUDIO 1' || fail "$MANPAGE is not a manual page"
if grep -rlq -e "/root/.pyenv" -e "$ROOT/build" /opt/bpstudio/bpstudio /opt/bpstudio/_internal/*.so*; then
  fail "the bundle refers to the build machine's paths"
fi
say "launcher, version ($version_out), desktop entry, icons, metainfo, copyright, manual: ok"

# --- a headless verb (NumPy and its OpenBLAS in the bundle)
example=$(find /opt/bpstudio -path '*resources/examples/xor.json' | head -n 1)
[ -n "$example" ] || fail "the bundle has no example projects"
(cd "$TMP" && "$APP" train "$example" --epochs 5 --quiet) > "$OUT/train.txt" 2>&1 \
  || { cat "$OUT/train.txt"; fail "bpstudio train"; }
say "bpstudio train: ok ($(tail -n 1 "$OUT/train.txt"))"
# bpstudio export: the notebook needs nbformat (and its JSON schemas) in the bundle
(cd "$TMP" && "$APP" export "$example" --to notebook --steps 3 --out "$TMP/xor.ipynb") \
  > "$OUT/export.txt" 2>&1 || { cat "$OUT/export.txt"; fail "bpstudio export"; }
"$VENV_PY" -c 'import json, sys; assert json.load(open(sys.argv[1]))["nbformat"] == 4' \
  "$TMP/xor.ipynb" || fail "bpstudio export wrote no notebook"
say "bpstudio export --to notebook: ok"

# --- the GUI: self-test screenshot, offscreen and under Xvfb
not_blank() {  # PNG path -> fails unless it has many distinct colours
  "$VENV_PY" - "$1" <<'PY'
import sys
from PySide6.QtGui import QImage
img = QImage(sys.argv[1])
assert not img.isNull(), "not a readable image"
step = max(1, min(img.width(), img.height()) // 200)
colours = {img.pixel(x, y) for y in range(0, img.height(), step) for x in range(0, img.width(), step)}
print(f"{img.width()}x{img.height()}, {len(colours)} distinct colours (sampled)")
sys.exit(0 if len(colours) >= 16 else 1)
PY
}
screenshot() {  # label, then the command prefix
  local label=$1; shift
  local png=$TMP/$label.png t0 t1
  t0=$(date +%s%N)
  (cd "$TMP" && HOME=$TMP/home timeout 120 "$@" "$APP" --self-test-screenshot "$png") \
    > "$OUT/$label.log" 2>&1 || { cat "$OUT/$label.log"; fail "$label: the app failed"; }
  t1=$(date +%s%N)
  [ -s "$png" ] || fail "$label: no screenshot written"
  cp "$png" "$OUT/$label.png"
  local info
  info=$(not_blank "$png") || fail "$label: the screenshot is blank ($info)"
  say "$label screenshot: $info; start to exit $(( (t1 - t0) / 1000000 )) ms -> $OUT/$label.png"
}
mkdir -p "$TMP/home"
screenshot offscreen env QT_QPA_PLATFORM=offscreen
if command -v xvfb-run >/dev/null; then
  screenshot xvfb xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb
else
  say "no xvfb-run: skipping the real-window (X11) start"
fi

# --- training runs in a child process of its own (the frozen executable started by
# multiprocessing), not on a thread of the window; the figures go to the log for
# docs/performance.md
training_run() {  # label, then the command prefix
  local label=$1; shift
  (cd "$TMP" && HOME=$TMP/home timeout 120 "$@" "$APP" --self-test-training 3) \
    > "$OUT/$label.json" 2> "$OUT/$label.log" || { cat "$OUT/$label.log"; fail "$label: the app failed"; }
  grep -q '"training": "process"' "$OUT/$label.json" \
    || { cat "$OUT/$label.json" "$OUT/$label.log"; fail "$label: the installed app did not train in a process of its own"; }
  say "$label: $(tail -n 1 "$OUT/$label.json")"
}
training_run training-offscreen env QT_QPA_PLATFORM=offscreen
if command -v xvfb-run >/dev/null; then
  training_run training-xvfb xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb
fi

# --- remove, and check nothing is left behind
apt-get purge -y -qq bpstudio > "$OUT/apt-purge.log" 2>&1 || { cat "$OUT/apt-purge.log"; fail "apt-get purge"; }
installed=0
left=()
for p in /opt/bpstudio /usr/bin/bpstudio "$desktop" /usr/share/metainfo/org.bpstudio.BPStudio.metainfo.xml \
         /usr/share/doc/bpstudio "$MANPAGE"; do
  if [ -e "$p" ] || [ -L "$p" ]; then left+=("$p"); fi
done
while IFS= read -r icon; do left+=("$icon"); done < <(find /usr/share/icons/hicolor -name 'bpstudio.*')
if dpkg-query -W -f='${Status}' bpstudio 2>/dev/null | grep -q "installed"; then left+=("dpkg: bpstudio"); fi
[ ${#left[@]} -eq 0 ] || fail "left behind after purge: ${left[*]}"
say "purged; nothing left behind"
say "PASS in $(( $(date +%s) - start )) s (build $build_s s)"
