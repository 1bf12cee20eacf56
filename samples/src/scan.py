#!/usr/bin/env python3
"""Make "scanned" copies of sample PDFs: image-only PDFs as a school's scanner makes them.

Run from the repository root (after generate.py; `make samples` runs both):

    python3 samples/src/scan.py

For each sample in SCANS: every page is rendered by poppler's pdftoppm at 200 dpi in
grey, rotated by ROTATE degrees (white corners), given light salt-and-pepper noise
(a fixed random seed, so the output is reproducible), thresholded to black and white
and packed by Pillow as a PDF of CCITT Group 4 images (no text layer, ~30-60 kB a page).

MIXED is one PDF whose first pages are the digital original's and whose other pages
are the scan's (qpdf), as when a school replaces the signed pages by a scan.

Needs: poppler-utils (pdftoppm), qpdf, Python 3 with Pillow (built with libtiff).
"""
import os
import random
import subprocess
import sys
import tempfile
import time

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)

# (digital original, scanned copy), one per template family.
SCANS = [
    ("pdf/000.pdf", "scanned/000-scan.pdf"),
    ("pdf/003.pdf", "scanned/003-scan.pdf"),
]
# (text pages from, scanned pages from, split after page, output)
MIXED = [("pdf/000.pdf", "scanned/000-scan.pdf", 4, "scanned/000-mixed.pdf")]

DPI = 200
ROTATE = 0.5
# Share of pixels flipped, and the seed that makes it reproducible.
NOISE = 0.002
SEED = 13


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise SystemExit(f"{pdf}: no page count")


def scan_page(pdf, number, tmp, rng):
    base = os.path.join(tmp, f"p{number}")
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(number), "-l", str(number), "-gray", "-singlefile", pdf, base],
        check=True,
    )
    img = Image.open(base + ".pgm").convert("L")
    img = img.rotate(ROTATE, resample=Image.BICUBIC, expand=False, fillcolor=255)
    px = img.load()
    w, h = img.size
    for _ in range(int(w * h * NOISE)):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = 0 if px[x, y] > 127 else 255
    return img.point(lambda v: 255 if v > 150 else 0).convert("1")


def scan(src, dst):
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        pages = [scan_page(src, n, tmp, rng) for n in range(1, pages_of(src) + 1)]
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        fixed = time.gmtime(1704067200)  # 2024-01-01: no date of the day in the file
        pages[0].save(
            dst,
            "PDF",
            resolution=DPI,
            save_all=True,
            append_images=pages[1:],
            title="scan",
            producer="samples/src/scan.py",
            creationDate=fixed,
            modDate=fixed,
        )
    print(f"{dst}: {len(pages)} pages, {os.path.getsize(dst)} bytes")


def mix(text_pdf, scan_pdf, split, dst):
    n = pages_of(text_pdf)
    subprocess.run(
        ["qpdf", "--empty", "--deterministic-id", "--pages", text_pdf, f"1-{split}", scan_pdf, f"{split + 1}-{n}",
         "--", dst],
        check=True,
    )
    print(f"{dst}: pages 1-{split} with text, {split + 1}-{n} scanned, {os.path.getsize(dst)} bytes")


def main():
    os.chdir(SAMPLES)
    for src, dst in SCANS:
        scan(src, dst)
    for text_pdf, scan_pdf, split, dst in MIXED:
        mix(text_pdf, scan_pdf, split, dst)


if __name__ == "__main__":
    sys.exit(main())
