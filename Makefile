# The two commands of the README: `make demo` and `make test`.
# Everything else here is for developers.

CARGO ?= cargo
SOP   := target/release/sop

.PHONY: build demo test samples bench robust fuzz lint clean-archive

build:
	$(CARGO) build --release --locked

## The main job on the bundled samples: two school years into ./archive.
demo: build
	@bash pipeline/demo.sh $(SOP)

## The whole test suite (what CI runs). What the tests need beyond Rust (the
## Python bagit validator; Debian's chromium, tesseract-ocr, tesseract-ocr-nld,
## poppler-utils) is installed first when missing (.ci/test-deps). The tests read
## the messages in Dutch, the default language: LANG is set to C.UTF-8 (no language)
## so that a machine set to another language does not switch them to English.
test:
	@bash .ci/test-deps
	env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 $(CARGO) test --workspace --locked

## Regenerate the sample PDFs from samples/src, their layout variants (samples/variants)
## and their scanned copies (samples/scanned). Needs LibreOffice Writer, Chromium,
## poppler-utils, qpdf and Python's Pillow.
samples:
	python3 samples/src/generate.py
	python3 samples/src/variants.py
	python3 samples/src/scan.py

## Benchmarks: detect+normalise and the overview (criterion), and the whole batch (see BENCHMARKS.md).
bench:
	$(CARGO) bench -p sop-normalize --bench normalize
	$(CARGO) bench -p sop-overview --bench overview
	bash bench/run.sh

## The 297-file robustness corpus alone (also part of `make test`); see ROBUSTNESS.md.
robust:
	$(CARGO) test -p sop --locked --test corpus --test limits --test crash --test fuzz_regressions

## The fuzz targets, 10 minutes each (needs `cargo install cargo-fuzz`); see ROBUSTNESS.md.
fuzz:
	bash fuzz/run.sh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

clean-archive:
	find archive -mindepth 1 ! -name README.md -exec rm -rf {} +
