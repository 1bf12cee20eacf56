#!/usr/bin/env bash
# `make bench` (second half): the whole `sop run` batch on a generated corpus.
#
# Builds the release binary, generates 200 and 1000 distinct sample-like PDFs
# (bench/gen_corpus.py), then measures in one go:
#   - poppler's pdftotext over the 200 files in a shell loop (when installed);
#   - `sop run --jobs 1` and `--jobs 2` over the 200, each into a fresh archive;
#   - `sop run --jobs 2` over the 1000, for memory against corpus size.
# Wall time and peak RSS come from GNU time (`apt-get install time`); the
# per-stage busy times from the run report. Results: bench-out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench-out
SOP=target/release/sop
YEAR=2023-2024
SMALL=${BENCH_SMALL:-200}
LARGE=${BENCH_LARGE:-1000}

cargo build --release --locked -p sop >&2
if [[ ! -x /usr/bin/time ]]; then
    echo "bench: GNU time is needed for peak memory: apt-get install time" >&2
    exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT"
python3 bench/gen_corpus.py "$SMALL" "$OUT/corpus-$SMALL" "$OUT/schools-$SMALL.csv"
python3 bench/gen_corpus.py "$LARGE" "$OUT/corpus-$LARGE" "$OUT/schools-$LARGE.csv"

# Prints "<wall seconds> <peak RSS KiB>" of a command, from GNU time.
measure() {
    local log="$1"; shift
    /usr/bin/time -f '%e %M' -o "$log.time" "$@" >"$log.out" 2>"$log.err" || true
    cat "$log.time"
}

# Stage busy times and outcome counts from the newest run report of an archive.
stages() {
    python3 - "$1" <<'PY'
import glob, json, sys
r = json.load(open(sorted(glob.glob(sys.argv[1] + "/reports/run-*.json"))[-1]))
t, c = r["stage_times"], r["counts"]
print(f'{t["read_s"]:.2f} {t["extract_s"]:.2f} {t["normalize_s"]:.2f} {t["archive_s"]:.2f} {c["total"]} {c["failed"]}')
PY
}

echo "warming the file cache" >&2
cat $(find "$OUT/corpus-$SMALL" -name '*.pdf') >/dev/null

pdftotext_s=""
if command -v pdftotext >/dev/null; then
    start=$(date +%s.%N)
    find "$OUT/corpus-$SMALL" -name '*.pdf' | sort | while read -r f; do pdftotext "$f" /dev/null; done
    end=$(date +%s.%N)
    pdftotext_s=$(python3 -c "print(f'{$end - $start:.2f}')")
fi

declare -A wall rss st
for run in "j1:$SMALL:1" "j2:$SMALL:2" "j2big:$LARGE:2"; do
    IFS=: read -r name n jobs <<<"$run"
    echo "sop run --jobs $jobs over $n documents" >&2
    read -r w m < <(measure "$OUT/$name" "$SOP" run --year "$YEAR" --inbox "$OUT/corpus-$n" --registry "$OUT/schools-$n.csv" --archive "$OUT/archive-$name" --jobs "$jobs")
    wall[$name]=$w
    rss[$name]=$m
    st[$name]=$(stages "$OUT/archive-$name")
done

python3 - "$OUT/results.md" "$SMALL" "$LARGE" "$pdftotext_s" "${wall[j1]}" "${rss[j1]}" "${st[j1]}" "${wall[j2]}" "${rss[j2]}" "${st[j2]}" "${wall[j2big]}" "${rss[j2big]}" "${st[j2big]}" <<'PY'
import sys
out, small, large, pdftotext = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def run(i):
    w, m, s = float(sys.argv[i]), int(sys.argv[i + 1]), sys.argv[i + 2].split()
    return dict(wall=w, rss=m / 1024, read=float(s[0]), extract=float(s[1]), normalize=float(s[2]), archive=float(s[3]), total=int(s[4]), failed=int(s[5]))
j1, j2, big = run(5), run(8), run(11)
lines = [
    "| run | documents | failed | wall (s) | documents/s | peak RSS (MiB) | read | extract | normalise | archive + diff |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for name, r in [("`sop run --jobs 1`", j1), ("`sop run --jobs 2`", j2), ("`sop run --jobs 2`", big)]:
    lines.append(f'| {name} | {r["total"]} | {r["failed"]} | {r["wall"]:.2f} | {r["total"] / r["wall"]:.1f} | {r["rss"]:.0f} | {r["read"]:.2f} | {r["extract"]:.2f} | {r["normalize"]:.2f} | {r["archive"]:.2f} |')
lines.append("")
lines.append("Stage columns: seconds each stage was busy, summed over documents (stages overlap, so they can add up to more than the wall time).")
lines.append("")
if pdftotext:
    p = float(pdftotext)
    lines.append(f"- pdftotext loop over the same {small} files: {p:.2f} s ({small / p:.1f} documents/s)")
    lines.append(f'- ratio `sop run --jobs 1` / pdftotext loop: {j1["wall"] / p:.2f} (target <= 1.0)')
lines.append(f'- speed-up `--jobs 2` over `--jobs 1`: {j1["wall"] / j2["wall"]:.2f}x (target >= 1.7)')
lines.append(f'- peak RSS {small} vs {large} documents: {j2["rss"]:.0f} vs {big["rss"]:.0f} MiB (target < 200, and the same)')
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
