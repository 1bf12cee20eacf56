#!/usr/bin/env bash
# `make demo`: the yearly batch over the bundled samples, two school years
# into ./archive. Usage: bash pipeline/demo.sh [path/to/sop]
#
# What a person at the SWV would do each year:
#   sop run --year 2023-2024 --inbox <folder with the PDFs> --registry samples/schools.csv --archive archive
#   sop run --year 2024-2025 --inbox <folder with next year's PDFs> --registry samples/schools.csv --archive archive
set -uo pipefail
cd "$(dirname "$0")/.."
SOP="${1:-target/release/sop}"
if [[ ! -x "$SOP" ]]; then
    echo "demo: \`$SOP\` not found; run \`make build\` first" >&2
    exit 2
fi

# The inboxes: only the PDFs (the samples folder also holds their source texts).
# Sample 001 lacks its first page, so it names no school: as staff would, it is
# put in a folder named after the school's id in the registry.
INBOX=target/demo-inbox
rm -rf "$INBOX"
mkdir -p "$INBOX/2023-2024/kristal" "$INBOX/2024-2025"
cp samples/pdf/000.pdf samples/pdf/002.pdf samples/pdf/003.pdf "$INBOX/2023-2024/"
cp samples/pdf/001.pdf "$INBOX/2023-2024/kristal/"
cp samples/next-year/000.pdf samples/next-year/003.pdf "$INBOX/2024-2025/"
mkdir -p archive

status=0
echo "== Schooljaar 2023-2024: de SOP's van vier scholen =="
"$SOP" run --year 2023-2024 --inbox "$INBOX/2023-2024" --registry samples/schools.csv --archive archive || status=$?
echo
echo "== Schooljaar 2024-2025: de nieuwe versies van twee scholen =="
"$SOP" run --year 2024-2025 --inbox "$INBOX/2024-2025" --registry samples/schools.csv --archive archive || status=$?
echo
diff_report=$(ls -t archive/reports/diff-diamant-2024-2025-*.md 2>/dev/null | head -n 1)
if [[ -n "$diff_report" ]]; then
    echo "Open de verschillen van Diamant met vorig jaar: $diff_report"
fi
if [[ -f archive/reports/overview-2024-2025.html ]]; then
    echo "Open het overzicht van alle scholen (2024-2025, vergeleken met 2023-2024): archive/reports/overview-2024-2025.html"
fi
exit "$status"
