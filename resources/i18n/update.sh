#!/bin/sh
# Refresh the Qt Linguist sources from the code, then compile them (run from the repository root).
# Japanese is the source language in the code; translate new strings in renkei_desk_en.ts with
# pyside6-linguist, then run this again so the .qm files match.
set -e
FILES=$(find desktop_app/ui -name "*.py" | sort)
for lang in en ja; do
    target=$([ "$lang" = en ] && echo en_GB || echo ja_JP)
    .venv/bin/pyside6-lupdate $FILES -no-obsolete -locations none \
        -source-language ja_JP -target-language "$target" -ts "resources/i18n/renkei_desk_$lang.ts"
    .venv/bin/pyside6-lrelease "resources/i18n/renkei_desk_$lang.ts" \
        -qm "resources/i18n/renkei_desk_$lang.qm"
done
