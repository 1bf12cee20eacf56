#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target in turn, one at a time and under
# `nice`, for FUZZ_SECONDS each (default 600), starting from the committed
# seeds (fuzz/seeds/<target>/) and the bundled samples.
#
#   bash fuzz/run.sh                    # every target, 10 minutes each
#   FUZZ_SECONDS=60 bash fuzz/run.sh record_json
#
# The machine has only the stable toolchain: cargo-fuzz needs `-Z` flags for
# its sanitizer instrumentation, which RUSTC_BOOTSTRAP=1 allows on stable.
# A crash leaves its input in fuzz/artifacts/<target>/; minimise it
# (`cargo fuzz tmin`), commit it under fuzz/regressions/<target>/ and
# `pipeline/tests/fuzz_regressions.rs` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seconds=${FUZZ_SECONDS:-600}
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo fuzz list); fi

# Seeds that are not in fuzz/seeds because they live elsewhere in the repo.
seed() {
    local target=$1
    mkdir -p "corpus/$target"
    if [ -d "seeds/$target" ]; then cp -n "seeds/$target"/* "corpus/$target/" 2>/dev/null || true; fi
    case $target in
        normalize_text)
            cp -n ../samples/seeds/*.txt ../samples/pdf/*.source.txt "corpus/$target/" 2>/dev/null || true ;;
        extract_pdf)
            cp -n ../samples/pdf/*.pdf "corpus/$target/" 2>/dev/null || true
            # The small files of the shared robustness corpus, when it is beside
            # the repo: broken PDFs are the best start. fuzz/corpus is not committed.
            if [ -d ../../shared/corpus/pdfs ]; then
                find ../../shared/corpus/pdfs -name '*.pdf' -size -64k -exec cp -n {} "corpus/$target/" \;
            fi ;;
    esac
}

failed=()
for target in "${targets[@]}"; do
    seed "$target"
    if ! nice -n 19 cargo fuzz build $([ "$target" = extract_pdf ] && echo --sanitizer none) "$target"; then
        echo "fuzz: $target does not build" >&2
        failed+=("$target (build)")
        continue
    fi
    echo "== fuzz $target for ${seconds}s"
    # -timeout: one input taking longer than 10 s is a hang, reported as a crash.
    # -rss_limit_mb: one input needing more than 2 GiB is a memory bomb.
    extra=()
    sanitizer=()
    if [ "$target" = extract_pdf ]; then
        # Without AddressSanitizer: its allocator deadlocks in libFuzzer's
        # timeout handler, which hung a run on a slow input (see ROBUSTNESS.md).
        sanitizer=(--sanitizer none)
        # The PDF libraries overflow the stack or exhaust memory on some
        # inputs; in `sop` the extraction child contains that. Keep fuzzing
        # past each crash (in forked children) and collect them all.
        extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    fi
    if ! nice -n 19 cargo fuzz run "${sanitizer[@]}" "$target" "corpus/$target" -- \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}"; then
        failed+=("$target")
    fi
    if [ -d "artifacts/$target" ] && [ -n "$(ls -A "artifacts/$target" 2>/dev/null)" ]; then
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: no crashes in ${targets[*]}"
