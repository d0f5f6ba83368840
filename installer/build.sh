#!/usr/bin/env bash
# Build the one-folder bundle dist/renkei-desk/ with PyInstaller (`make installer` runs this
# with the project's .venv on PATH's front). Works the same on Windows (Git Bash) and Linux;
# the bundle is for the system it is built on. Prints the build time and the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/renkei-desk.spec
elapsed=$(( $(date +%s) - started ))
size=$(du -sm dist/renkei-desk | cut -f1)
echo "bundle: dist/renkei-desk (${size} MiB) built in ${elapsed} s"
