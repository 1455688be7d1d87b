#!/usr/bin/env bash
# Lists the messages a catalogue still lacks a finished translation for, as "file: context:
# source", and exits 1 when there is any. Run the update_translations target first, so new and
# changed tr() strings are in translations/*.ts (CONTRIBUTING.md#translations).
# Usage: scripts/unfinished-translations.sh [translations/authkitqt_xx.ts ...]
set -euo pipefail
cd "$(dirname "$0")/.."
(($# > 0)) || set -- translations/*.ts

# lupdate writes one element per line; a source can span lines (the --help text).
awk '
  FNR == 1 { context = "" }
  /<name>/ { context = $0; sub(/.*<name>/, "", context); sub(/<\/name>.*/, "", context) }
  /<source>/ { source = $0; in_source = !/<\/source>/ }
  in_source && !/<source>/ { source = source "\\n" $0; in_source = !/<\/source>/ }
  /<translation[^>]*type="(unfinished|vanished|obsolete)"/ || /<translation><\/translation>/ {
    sub(/^ *<source>/, "", source); sub(/<\/source>.*/, "", source)
    printf "%s: %s: %s\n", FILENAME, context, substr(source, 1, 100)
    found = 1
  }
  END { exit found }
' "$@"
