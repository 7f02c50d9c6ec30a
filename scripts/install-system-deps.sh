#!/usr/bin/env bash
# Debian packages that Qt needs to run offscreen and in a real X11 window under Xvfb, fonts for
# English and Simplified Chinese, and XeLaTeX for the derivation's LaTeX export. Idempotent:
# installs only what is missing, and does nothing (with a note) where it cannot become root.
set -euo pipefail

packages=(
  # a virtual environment for BP Studio: Debian's own Python refuses system-wide pip installs
  python3-venv python3-pip
  # Xvfb, and xauth for xvfb-run: real-window (xvfb-marked) tests and screenshots
  xvfb xauth
  # libraries the PySide6 wheels' Qt plugins load (offscreen and xcb)
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
  libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
  # fonts: Latin, and CJK for the Simplified Chinese translation
  fonts-dejavu-core fonts-noto-cjk
  # xelatex with ctex (Chinese): the tests compile `bpstudio derive --format latex` handouts
  # and `bpstudio exercise --format latex` sheets;
  # pdftoppm turns their pages into PNGs for a look
  texlive-xetex texlive-lang-chinese texlive-latex-recommended poppler-utils
  # desktop-file-validate and appstreamcli: tests/packaging checks the desktop entry and the
  # AppStream file with the tools Debian's own packages are checked with
  desktop-file-utils appstream
)

if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "install-system-deps: not a Debian-like system; install Qt's X11/xcb libraries yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-system-deps: not root and no password-less sudo; skipping." >&2
  echo "  Install these yourself if Qt fails to start: ${missing[*]}" >&2
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
