#!/usr/bin/env bash
# Debian/Ubuntu packages the program needs beyond Python wheels: Qt's X11/EGL libraries,
# a Japanese font (Noto CJK) so labels render, venv support, and Xvfb for screenshots.
# Installs only what is missing; does nothing on systems without apt-get.
set -euo pipefail
packages=(
  python3-venv fonts-noto-cjk libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 xvfb
)
command -v apt-get >/dev/null || exit 0
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
