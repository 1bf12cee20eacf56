#!/usr/bin/env python3
"""Benchmark corpus for `sop run`: N distinct sample-like SOP PDFs.

Usage: python3 bench/gen_corpus.py N OUT_DIR REGISTRY.csv [SEED]

Each document starts from the body text of one of the four samples
(samples/pdf/NNN.source.txt: one paragraph or table row per line, cells
joined by " | ") and is varied: another school name, street, phone and
e-mail; other amounts and hours; expertise rows added or left out; sentences
dropped from the school's own paragraphs. It is then typeset from scratch as
a PDF with the standard Helvetica fonts (no LibreOffice needed): A4, text in
reading order, table cells at fixed column positions, the template's footer
with page numbers on every page. Stdlib only, deterministic for a seed.

Also writes REGISTRY.csv, the registry of the generated schools. A
document made from sample 001 (which lacks its first page, so names no
school) is put in a folder named after its school's id, as staff would.
"""

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 56.0, 539.0, 790.0, 70.0
BODY, HEAD, FOOT = 10.0, 12.0, 8.0

# Names the samples use for their schools, longest first.
SAMPLE_NAMES = ["Haaglanden-De Vuurvlinder", "Diamant College", "Basisschool Jeroen", "BS Het Kristal",
                "Bs Het Kristal", "Het Kristal", "KC Diamant", "De Vuurvlinder", "Diamant", "Jeroen"]
KINDS = ["Basisschool", "OBS", "CBS", "KC", "IKC", "Daltonschool", "Montessorischool"]
WORDS = ["De Regenboog", "Het Palet", "De Wilgen", "Het Anker", "De Klimop", "De Notenkraker", "Het Kompas",
         "De Sterrenwachter", "De Vlinderboom", "Het Startpunt", "De Horizon", "De Zeester", "Het Baken",
         "De Springplank", "De Duinroos", "Het Mozaïek", "De Fontein", "De Kameleon", "Het Zonnehuis", "De Parel"]
STREETS = ["Laan van Meerdervoort", "Zuiderparklaan", "Loosduinseweg", "Mauritskade", "Hoefkade",
           "Rijswijkseweg", "Veenkade", "Kijkduinsestraat", "Escamplaan", "Leyweg"]
TOPICS = ["muziek", "bewegingsonderwijs", "hoogbegaafdheid", "NT2", "executieve functies", "faalangst",
          "rouwverwerking", "mediawijsheid", "jonge kind", "taal en lezen"]

FOOTERS = {}
for src in (SAMPLES / "src").glob("*.html"):
    m = re.search(r'<meta name="sop-footer" content="([^"]*)"', src.read_text(encoding="utf-8"))
    if m:
        FOOTERS[src.stem] = m.group(1)


def pdf_string(text):
    raw = text.replace("✓", "x").encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def width(text, size):
    # Helvetica averages about half an em per character; enough to wrap.
    return len(text) * size * 0.5


def wrap(text, size, max_w):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        cand = w if not cur else cur + " " + w
        if width(cand, size) <= max_w or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    return lines


def columns(n):
    if n == 1:
        return [LEFT]
    if n == 2:
        return [LEFT, 300.0]
    if n == 3:
        # Label | field | value, as in Algemene gegevens: room for long names.
        return [LEFT, 230.0, 330.0]
    step = (RIGHT - 250.0) / (n - 1)
    return [LEFT] + [250.0 + step * i for i in range(n - 1)]


def is_heading(line):
    return bool(re.match(r"^(\d+(\.\d+)*\.?\s?[A-Z]|[A-D]\. [A-Z])", line)) and len(line) < 90


def layout(lines):
    """Lines of the document -> pages of (font, size, x, y, text)."""
    pages, cur, y = [], [], TOP

    def need(h):
        nonlocal cur, y
        if y - h < BOTTOM:
            pages.append(cur)
            cur, y = [], TOP

    for line in lines:
        if " | " in line or line.endswith(" |"):
            cells = [c.strip() for c in line.split("|")]
            xs = columns(len(cells))
            first_w = (xs[1] - xs[0] - 8) if len(xs) > 1 else RIGHT - LEFT
            first = wrap(cells[0], BODY, first_w) if cells[0] else [""]
            rest = [wrap(c, BODY, (RIGHT - x) if i == len(cells) - 2 else (xs[i + 2] - x - 6)) if c else [""]
                    for i, (c, x) in enumerate(zip(cells[1:], xs[1:]))]
            height = max([len(first)] + [len(r) for r in rest]) * BODY * 1.25 + 3
            need(height)
            for k, t in enumerate(first):
                if t:
                    cur.append(("F1", BODY, xs[0], y - k * BODY * 1.25, t))
            for r, x in zip(rest, xs[1:]):
                for k, t in enumerate(r):
                    if t:
                        cur.append(("F1", BODY, x, y - k * BODY * 1.25, t))
            y -= height
        elif is_heading(line):
            need(HEAD * 2.2)
            y -= HEAD * 0.6
            cur.append(("F2", HEAD, LEFT, y, line))
            y -= HEAD * 1.6
        else:
            for t in wrap(line, BODY, RIGHT - LEFT):
                need(BODY * 1.3)
                cur.append(("F1", BODY, LEFT, y, t))
                y -= BODY * 1.3
            y -= BODY * 0.5
    pages.append(cur)
    return pages


def write_pdf(path, pages, footer):
    objs = []  # (number, bytes)

    def add(body):
        objs.append(body)
        return len(objs)

    font1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_num = len(objs) + 1
    objs.append(None)  # the Pages node, filled in below
    kids = []
    for n, page in enumerate(pages, 1):
        ops = [b"BT"]
        for font, size, x, y, text in page:
            ops.append(b"/%s %.1f Tf 1 0 0 1 %.2f %.2f Tm %s Tj" % (font.encode(), size, x, y, pdf_string(text)))
        if footer:
            ops.append(b"/F1 %.1f Tf 1 0 0 1 %.2f %.2f Tm %s Tj" % (FOOT, LEFT, 40.0, pdf_string(f"{footer}   {n} - {len(pages)}.")))
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_num, PAGE_W, PAGE_H, font1, font2, content)))
    objs[pages_num - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_num)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    path.write_bytes(bytes(out))


def vary(lines, rng, name, street, i):
    out = []
    for line in lines:
        for old in SAMPLE_NAMES:
            line = line.replace(old, name)
        line = re.sub(r"(Adres: \| ).*", lambda m: f"{m.group(1)}{street}", line)
        line = re.sub(r"(E-mail: \| ).*", lambda m: f"{m.group(1)}info@school{i:04d}.nl", line)
        line = re.sub(r"(Telefoon: \| ).*", lambda m: f"{m.group(1)}070 {rng.randint(100, 999)} {rng.randint(1000, 9999)}", line)
        line = re.sub(r"€\s?[\d.]+(,[-\d]+)?", lambda m: f"€{rng.randint(8, 95)}.{rng.randint(0, 999):03d},-", line)
        line = re.sub(r"(\d+) euro", lambda m: f"{rng.randint(5, 60) * 1000} euro", line)
        # Hours in the expertise table: a lone number in a cell.
        line = re.sub(r"\| (\d{1,2}) (\||$)", lambda m: f"| {rng.randint(1, 40)} {m.group(2)}", line)
        if " | " not in line and len(line) > 240 and rng.random() < 0.35:
            sentences = re.split(r"(?<=[.!?]) ", line)
            if len(sentences) > 2:
                del sentences[rng.randrange(1, len(sentences))]
                line = " ".join(sentences)
        if line.startswith("Expertise ") and " | " in line and rng.random() < 0.15:
            continue  # a school that leaves a row out
        out.append(line)
        if line.startswith("Expertise ") and " | " in line and rng.random() < 0.25:
            topic = rng.choice(TOPICS)
            cells = line.count("|")
            extra = ["Ja", str(rng.randint(1, 24))] + [""] * max(0, cells - 2)
            out.append(" | ".join([f"Expertise {topic}"] + extra[:cells]))
    # Something no other document has, wherever the template has free text.
    out.append(f"Dit profiel is besproken in de teamvergadering van week {1 + i % 52} (document {i}).")
    return out


def main():
    n = int(sys.argv[1])
    out_dir = Path(sys.argv[2])
    registry_path = Path(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 2024)
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in sorted((SAMPLES / "pdf").glob("*.source.txt"))}
    keys = sorted(sources)
    registry = ["id,brin,name,aliases,url,email_domain"]
    for i in range(n):
        key = keys[i % len(keys)]
        name = f"{rng.choice(KINDS)} {rng.choice(WORDS)} {i:04d}"
        school_id = f"bench-{i:04d}"
        street = f"{rng.choice(STREETS)} {rng.randint(1, 400)}"
        lines = vary(sources[key], rng, name, street, i)
        pages = layout(lines)
        target = out_dir / f"doc-{i:04d}.pdf"
        if key == "001":
            target = out_dir / school_id / f"doc-{i:04d}.pdf"
            target.parent.mkdir(exist_ok=True)
        write_pdf(target, pages, FOOTERS.get(key, ""))
        registry.append(f"{school_id},,{name},,,")
    registry_path.write_text("\n".join(registry) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
