#!/usr/bin/env bash
# Re-scan the sources for translatable strings (self.tr, QCoreApplication.translate, translate)
# and update bpstudio/resources/translations/*.ts, keeping existing translations; then compile
# the .qm files so a source checkout runs with them.  Translate new entries (marked
# type="unfinished") with Qt Linguist (`pyside6-linguist`) or in an editor, and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=bpstudio/resources/translations
# bpstudio/model is left out: it never imports Qt, and the derivation's prose has its own
# English/Chinese catalogue (bpstudio/model/derivation/text.py) whose tr(key, lang) calls
# lupdate would misread as Qt ones.
mapfile -t sources < <(find bpstudio -name '*.py' -not -path 'bpstudio/model/*' | sort)
for ts in "$folder"/bpstudio_*.ts; do
  pyside6-lupdate -locations none -no-obsolete "${sources[@]}" -ts "$ts"
  pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
