#!/usr/bin/env python3
"""Print the same content of a base sample in many layouts: the layout-variation corpus.

Python 3 standard library plus the Debian tools generate.py uses (LibreOffice Writer,
Chromium). Run from the repository root, after generate.py (`make samples` runs both):

    python3 samples/src/variants.py              # every variant
    python3 samples/src/variants.py 000-docx-carlito11-top   # only these variants (by name)
    python3 samples/src/variants.py -v           # also list broken words and repeated headers
    python3 samples/src/variants.py --check      # only compare existing PDFs with their base
    python3 samples/src/variants.py --table      # the samples/README.md table, from the manifest
    python3 samples/src/variants.py --score target/debug/sop
        # how many checked record fields of each variant equal its base's expected record

Every variant is built from the base's own parsed HTML (samples/src/NNN.html, parsed by
generate.py), so the words, the table cells and the column of every mark are those of the
base. What changes is only how it is printed: producer, font and size, vertical alignment
in table cells, column widths (header cells wrapped over 2-3 lines), the glyph or icon
that stands for a mark, cell borders, and a table forced over a page break with or
without its header row repeated.

Producers:
- `odt`:  flat ODT written here -> LibreOffice Writer -> PDF (like generate.py).
- `docx`: the same flat ODT -> LibreOffice "MS Word 2007 XML" (DOCX) -> LibreOffice
          DOCX import -> PDF. Font Carlito, the metric clone of Word's Calibri.
- `html-lo`: HTML written here -> LibreOffice's HTML import ("HTML (StarWriter)") saved
          as ODT -> PDF. The detour through ODT is needed because printing the imported
          HTML directly drops the footer on even pages (LibreOffice 7.4).
- `html-chromium`: HTML written here -> headless Chromium --print-to-pdf; the Model
          footer is an @page margin box (page numbers from counter(page)/counter(pages)).

Outputs samples/variants/<base>-<variant>.pdf and samples/variants/manifest.json.
"""
import base64
import html
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
OUT = os.path.join(SAMPLES, "variants")
sys.path.insert(0, HERE)
import generate as g  # noqa: E402  (parse, Node, skipped, norm, Fodt, fix_pdf)

Node = g.Node

# ------------------------------------------------------------------ the variants
# marks: "base" keeps the base's own marks (000/002: the text marks "✓", "x", "X";
# 003: the inline SVG icons); "X", "x", "✓": that text; "☒": U+2612 in DejaVu Sans;
# "wingdings": U+F0FC in font "Wingdings" (see MARK_STYLES); "svg" / "png": an icon.
# wrap: narrow mark/value columns so that header cells wrap over 2-3 lines.
# brk: (table class, index among tables of that class, header repeated?) or None.


def V(base, name, producer, font, size, valign, wrap, marks, borders, brk=None):
    return dict(base=base, name=name, producer=producer, font=font, size=size, valign=valign,
                wrap=wrap, marks=marks, borders=borders, brk=brk)


VARIANTS = [
    # ---- 000: Model SOP, primary sample
    V("000", "odt-serif10-middle-wrap", "odt", "Liberation Serif", 10, "middle", True, "X", True),
    V("000", "odt-dejavu9-bottom-ballot", "odt", "DejaVu Sans", 9, "bottom", False, "☒", True,
      ("partners", 0, True)),
    V("000", "odt-carlito12-wingdings-noborder", "odt", "Carlito", 12, "middle", True, "wingdings", False,
      ("hgw", 0, False)),
    V("000", "odt-sans10-top-png", "odt", "Liberation Sans", 10, "top", True, "png", True,
      ("partners", 0, False)),
    V("000", "odt-serif11-middle-svg", "odt", "Liberation Serif", 11, "middle", False, "svg", True),
    V("000", "docx-carlito11-top", "docx", "Carlito", 11, "top", False, "base", True),
    V("000", "docx-carlito10-middle-wrap", "docx", "Carlito", 10, "middle", True, "x", True,
      ("partners", 0, True)),
    V("000", "docx-carlito9-bottom-ballot-noborder", "docx", "Carlito", 9, "bottom", True, "☒", False),
    V("000", "docx-carlito12-wingdings", "docx", "Carlito", 12, "top", False, "wingdings", True,
      ("hgw", 0, True)),
    V("000", "docx-carlito11-middle-checkbox", "docx", "Carlito", 11, "middle", True, "checkbox", True),
    V("000", "chromium-sans10-top-checkbox-noborder", "html-chromium", "Liberation Sans", 10, "top", False,
      "checkbox", False),
    V("000", "htmllo-serif11-middle", "html-lo", "Liberation Serif", 11, "middle", False, "✓", True),
    V("000", "htmllo-dejavu9-bottom-wrap-noborder", "html-lo", "DejaVu Sans", 9, "bottom", True, "X", False),
    V("000", "htmllo-carlito10-top-png", "html-lo", "Carlito", 10, "top", True, "png", True),
    V("000", "chromium-carlito10-middle-wrap-svg", "html-chromium", "Carlito", 10, "middle", True, "svg", True,
      ("partners", 0, True)),
    V("000", "chromium-serif12-bottom-noborder", "html-chromium", "Liberation Serif", 12, "bottom", False, "✓",
      False, ("hgw", 0, False)),
    V("000", "chromium-dejavu9-middle-png", "html-chromium", "DejaVu Sans", 9, "middle", True, "png", True,
      ("partners", 0, False)),
    # ---- 003: Perspectief op School
    V("003", "chromium-carlito10-middle-wrap", "html-chromium", "Carlito", 10, "middle", True, "base", True,
      ("icons", 0, True)),
    V("003", "chromium-serif12-bottom-png-noborder", "html-chromium", "Liberation Serif", 12, "bottom", False,
      "png", False, ("icons", 0, False)),
    V("003", "chromium-dejavu9-top-wrap-check", "html-chromium", "DejaVu Sans", 9, "top", True, "✓", True),
    V("003", "chromium-sans11-middle-ballot-noborder", "html-chromium", "Liberation Sans", 11, "middle", False,
      "☒", False, ("indicators", 0, True)),
    V("003", "odt-serif10-middle-svg", "odt", "Liberation Serif", 10, "middle", False, "svg", True),
    V("003", "odt-dejavu9-bottom-wrap-png", "odt", "DejaVu Sans", 9, "bottom", True, "png", True,
      ("icons", 0, True)),
    V("003", "odt-carlito11-middle-wingdings-noborder", "odt", "Carlito", 11, "middle", True, "wingdings", False,
      ("icons", 0, False)),
    V("003", "docx-carlito11-top-png", "docx", "Carlito", 11, "top", False, "png", True),
    V("003", "docx-carlito10-middle-wrap-X", "docx", "Carlito", 10, "middle", True, "X", True,
      ("icons", 0, True)),
    V("003", "docx-carlito12-bottom-ballot-noborder", "docx", "Carlito", 12, "bottom", False, "☒", False,
      ("icons", 0, False)),
    V("003", "docx-carlito10-top-checkbox", "docx", "Carlito", 10, "top", True, "checkbox", True),
    V("003", "htmllo-serif10-middle-check", "html-lo", "Liberation Serif", 10, "middle", False, "✓", True),
    V("003", "htmllo-dejavu11-top-wrap-x-noborder", "html-lo", "DejaVu Sans", 11, "top", True, "x", False),
    V("003", "htmllo-carlito10-bottom-png", "html-lo", "Carlito", 10, "bottom", True, "png", True),
    # ---- 002: Model SOP, other revision ("augustus 2023")
    V("002", "docx-carlito10-middle-wrap", "docx", "Carlito", 10, "middle", True, "x", True),
    V("002", "chromium-dejavu9-bottom-noborder", "html-chromium", "DejaVu Sans", 9, "bottom", False, "✓", False,
      ("partners", 0, True)),
    V("002", "odt-serif12-top-png", "odt", "Liberation Serif", 12, "top", True, "png", True,
      ("partners", 0, False)),
    V("002", "htmllo-carlito11-middle-ballot", "html-lo", "Carlito", 11, "middle", True, "☒", True),
]

BASE_PDF = {"000": "pdf/000.pdf", "002": "pdf/002.pdf", "003": "pdf/003.pdf"}

# Column widths (percent) that make header cells wrap over 2-3 lines at 9-12 pt on A4.
NARROW = {
    "hgw": [73, 9, 9, 9],            # "Op / orde", "In / ontwikk / eling", "Nog op / te / starten"
    "expertise": [62, 8, 30],        # "Ja / / nee"
    "partners": [56, 11, 11, 11, 11],  # "Structuree / l", "Niet van / toepassi / ng"
    "facilities": [64, 18, 18],      # "Aanwezig / in de / school"
    "icons": [67, 11, 11, 11],       # "Op de / school", "Via het / bestuur", "Via het / SWV of / derden"
    "legend": [8, 92],
    "summary": [40, 12, 12, 12, 12, 12],
    "offers": [28, 72],
}

# Where a table forced over a page break starts: space after the block just before it,
# on the page that starts with the heading before it (cm). Tuned so that 2-6 rows fit before the break.
BREAK_SPACE = {"partners": 17.5, "hgw": 13.0, "icons": 13.5, "indicators": 14.0}

LO_TABLE_PX = 635  # 16.8 cm

# PoS icon colours by column (as in 003.html), Model icons in one dark colour.
POS_COLOURS = {1: "#2e8540", 2: "#1f6fb2", 3: "#e07b00"}
MODEL_COLOUR = "#333333"

MARK_STYLES = {
    "base": "the base's own marks (000/002: text \"✓\", \"x\", \"X\" as in the base; 003: inline SVG icons)",
    "X": "the letter \"X\" in the body font",
    "x": "the letter \"x\" in the body font",
    "✓": "U+2713 CHECK MARK in DejaVu Sans (html-lo: LibreOffice's HTML import drops the span's font, so the "
         "glyph comes from its font fallback, DejaVu Math TeX Gyre; see pdf_fonts)",
    "☒": "U+2612 BALLOT BOX WITH X in DejaVu Sans (symbol-font box, as Word content-control check boxes; "
         "html-lo: by font fallback)",
    "checkbox": ("Word content-control check boxes: U+2612 ☒ in DejaVu Sans in every marked cell and U+2610 ☐ "
                 "(an empty box, not a mark) in every other cell of a mark column"),
    "wingdings": ("Wingdings-style tick: U+F0FC (Wingdings 0xFC in the Private Use Area) in font \"Wingdings\" "
                  "(odt: a text span; docx: <w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/> as Word's Insert Symbol "
                  "writes it). Wingdings is not installed: LibreOffice's Wingdings->OpenSymbol recoding draws "
                  "OpenSymbol's tick glyph, and the PDF's ToUnicode maps it to U+F0FC, as Word PDFs with Wingdings "
                  "ticks often do. The font in the PDF is OpenSymbol, not Wingdings"),
    "svg": "vector icon (filled circle with a white tick; PoS: green/blue/orange by column as in the base, "
           "Model: dark grey), no text",
    "png": "raster PNG icon (48x48 px, same drawing as the SVG icon) placed as an image, no text",
}


# ------------------------------------------------------------------ icons
def icon_svg(colour):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
            '<circle cx="8" cy="8" r="8" fill="%s"/><path d="M4.2 8.3l2.5 2.5 5-5.2" stroke="#fff" '
            'stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>' % colour)


def _seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def icon_png(colour, size=48, ss=3):
    """The SVG icon rasterised with the standard library (supersampled), as PNG bytes."""
    r, gr, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    pts = [(4.2, 8.3), (6.7, 10.8), (11.7, 5.6)]
    rows = []
    for y in range(size):
        row = bytearray([0])
        for xx in range(size):
            cov_c = cov_w = 0
            for sy in range(ss):
                for sx in range(ss):
                    u = (xx + (sx + 0.5) / ss) * 16.0 / size
                    v = (y + (sy + 0.5) / ss) * 16.0 / size
                    if math.hypot(u - 8, v - 8) <= 8:
                        cov_c += 1
                        if min(_seg_dist(u, v, *pts[0], *pts[1]), _seg_dist(u, v, *pts[1], *pts[2])) <= 1.0:
                            cov_w += 1
            n = ss * ss
            a = cov_c / n
            w = cov_w / max(cov_c, 1)
            px = [round(c * (1 - w) + 255 * w) for c in (r, gr, b)]
            row += bytes(px + [round(255 * a)])
        rows.append(bytes(row))

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


_PNG_CACHE = {}


def png_b64(colour):
    if colour not in _PNG_CACHE:
        _PNG_CACHE[colour] = base64.b64encode(icon_png(colour)).decode()
    return _PNG_CACHE[colour]


# ------------------------------------------------------------------ tree helpers
def cells(tr):
    return [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]


def is_mark_cell(td):
    """A cell that holds a mark in the base: class "mark" and a text or an icon."""
    if "mark" not in td.cls():
        return False
    return bool(g.norm(g.inline_text(td))) or bool(td.find_all("svg"))


# Mark columns per table class: where Word check boxes stand in every cell ("checkbox" marks).
MARK_COLS = {"hgw": {1, 2, 3}, "partners": {1, 2, 3, 4}, "facilities": {1, 2}, "icons": {1, 2, 3}}


def table_of(td):
    t = td.parent
    while t is not None and t.tag != "table":
        t = t.parent
    return t


def empty_box_cell(td, v):
    """With "checkbox" marks: an unmarked, empty cell of a mark column, which gets ☐."""
    if v["marks"] != "checkbox" or td.tag != "td" or is_mark_cell(td) or g.norm(g.inline_text(td)):
        return False
    t = table_of(td)
    cols = set()
    for k in t.cls() if t is not None else ():
        cols |= MARK_COLS.get(k, set())
    return cells(td.parent).index(td) in cols


def mark_colour(base, td):
    if base == "003":
        row = cells(td.parent)
        i = row.index(td)
        table = td.parent
        while table is not None and table.tag != "table":
            table = table.parent
        if table is not None and "legend" in table.cls():
            # legend rows: first cell is the icon; colour by row as in the base
            trs = table.find_all("tr")
            return POS_COLOURS.get(trs.index(td.parent) + 1, MODEL_COLOUR)
        return POS_COLOURS.get(i, MODEL_COLOUR)
    return MODEL_COLOUR


def base_mark_text(td):
    return g.norm(g.inline_text(td))


def prepare(root, v, space=None):
    """Mark the tree for the variant: the table forced over a page and its heading."""
    tables = root.find_all("table")
    if v["brk"]:
        cls, idx, _ = v["brk"]
        cand = [t for t in tables if cls in t.cls()]
        t = cand[idx]
        t.attrs["data-brk"] = "1"
        # the nearest heading before the table in document order (same parent)
        sib = t.parent.children
        i = sib.index(t)
        prev = [c for c in sib[:i] if isinstance(c, Node)]
        # space after the block just before the table pushes the table down the page; a
        # paragraph's space survives the DOCX round trip and LibreOffice's HTML import,
        # a table's top margin does not
        prev[-1].attrs["data-space-after"] = "%.1fcm" % space
        for c in reversed(prev):
            if c.tag in ("h1", "h2", "h3", "h4"):
                c.attrs["data-brk-before"] = "1"
                break
        else:
            raise SystemExit("no heading before table %s" % cls)
    return root


def table_widths(n, v):
    cols = [c.attrs.get("width", "") for c in n.find_all("col")]
    ncol = max(len(cells(r)) for r in n.find_all("tr"))
    if len(cols) != ncol:
        cols = [str(100.0 / ncol)] * ncol
    widths = [float(c.rstrip("%")) for c in cols]
    if v["wrap"]:
        for k in n.cls():
            if k in NARROW and len(NARROW[k]) == ncol:
                widths = list(NARROW[k])
    return widths


def header_row(tr):
    cs = cells(tr)
    return bool(cs) and all(c.tag == "th" for c in cs)


# ------------------------------------------------------------------ FODT (odt, docx)
class VFodt(g.Fodt):
    def __init__(self, v):
        super().__init__()
        self.v = v
        self.frames = 0

    def para(self, n, base="Standard"):
        out = super().para(n, base)
        brk, space = n.attrs.get("data-brk-before"), n.attrs.get("data-space-after")
        if brk or space:
            style = re.search(r'text:style-name="([^"]+)"', out).group(1)
            name = style + ("Brk" if brk else "") + ("Sp" if space else "")
            props = (' fo:break-before="page"' if brk else "") + (' fo:margin-bottom="%s"' % space if space else "")
            decl = ('<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s">'
                    '<style:paragraph-properties%s/></style:style>' % (name, style, props))
            if decl not in self.auto:
                self.auto.append(decl)
            out = out.replace('text:style-name="%s"' % style, 'text:style-name="%s"' % name, 1)
        return out

    def mark_xml(self, td):
        m = self.v["marks"]
        if m in ("X", "x"):
            return g.x(m)
        if m in ("✓", "☒"):
            return '<text:span text:style-name="TSym">%s</text:span>' % m
        if m == "checkbox":
            return '<text:span text:style-name="TSym">☒</text:span>'
        if m == "wingdings":
            return '<text:span text:style-name="TWing">\uf0fc</text:span>'
        colour = mark_colour(self.v["base"], td)
        self.frames += 1
        if m == "svg":
            data = base64.b64encode(icon_svg(colour).encode()).decode()
            mime = "image/svg+xml"
        else:
            data = png_b64(colour)
            mime = "image/png"
        return ('<draw:frame draw:style-name="FrIcon" draw:name="icon%d" text:anchor-type="as-char" '
                'svg:width="0.34cm" svg:height="0.34cm" draw:z-index="0"><draw:image draw:mime-type="%s">'
                '<office:binary-data>%s</office:binary-data></draw:image></draw:frame>'
                % (self.frames, mime, data))

    def cell_content(self, td, head):
        if empty_box_cell(td, self.v):
            return '<text:p text:style-name="CellMark"><text:span text:style-name="TSym">☐</text:span></text:p>'
        if is_mark_cell(td) and self.v["marks"] != "base":
            return '<text:p text:style-name="CellMark">%s</text:p>' % self.mark_xml(td)
        if is_mark_cell(td) and td.find_all("svg"):
            # base icons (003) printed by Writer: the base's own SVG icon
            return '<text:p text:style-name="CellMark">%s</text:p>' % self.mark_xml_icon(td, "svg")
        return super().cell_content(td, head)

    def mark_xml_icon(self, td, kind):
        save = self.v["marks"]
        self.v = dict(self.v, marks=kind)
        try:
            return self.mark_xml(td)
        finally:
            self.v = dict(self.v, marks=save)

    def table(self, n):
        v = self.v
        self.tables += 1
        tn = "Tab%d" % self.tables
        rows = n.find_all("tr")
        widths = table_widths(n, v)
        tot = sum(widths)
        full = 16.8
        if "narrow" in n.cls():
            full = 12.6
        brk = bool(n.attrs.get("data-brk"))
        top = "0.1cm"
        bottom = n.attrs.get("data-space-after", "0.3cm")
        self.auto.append('<style:style style:name="%s" style:family="table"><style:table-properties '
                         'style:width="%.2fcm" table:align="left" fo:margin-top="%s" fo:margin-bottom="%s"/>'
                         '</style:style>' % (tn, full, top, bottom))
        out = ['<table:table table:name="%s" table:style-name="%s">' % (tn, tn)]
        for i, w in enumerate(widths):
            cn = "%s.C%d" % (tn, i)
            self.auto.append('<style:style style:name="%s" style:family="table-column"><style:table-column-properties '
                             'style:column-width="%.2fcm"/></style:style>' % (cn, full * w / tot))
            out.append('<table:table-column table:style-name="%s"/>' % cn)
        repeat = brk and v["brk"][2]
        for k, r in enumerate(rows):
            # a header row is never split over two pages (its cells would break mid-word)
            xml = ['<table:table-row table:style-name="HeadRow">' if header_row(r) else "<table:table-row>"]
            for td in cells(r):
                shade = "Shade" if td.tag == "th" or "shade" in td.cls() else "Plain"
                xml.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>'
                           % (shade, self.cell_content(td, td.tag == "th")))
            xml.append("</table:table-row>")
            xml = "".join(xml)
            if k == 0 and header_row(r) and (repeat or v["producer"] == "docx" and not brk):
                # docx: Word templates mark the header row as a heading row; keep that where
                # no page-break behaviour is being tested.
                xml = "<table:table-header-rows>%s</table:table-header-rows>" % xml
            out.append(xml)
        out.append("</table:table>")
        return "".join(out)

    def document(self, root, footer, title, date):
        v = self.v
        doc = super().document(root, footer, title, date)
        font = v["font"]
        s = v["size"]
        decls = "".join('<style:font-face style:name="%s" svg:font-family="\'%s\'" style:font-pitch="variable"/>'
                        % (f, f) for f in ("Carlito", "Liberation Serif", "Liberation Sans", "DejaVu Sans",
                                           "OpenSymbol"))
        decls += ('<style:font-face style:name="Wingdings" svg:font-family="Wingdings" style:font-pitch="variable" '
                  'style:font-charset="x-symbol"/>')
        doc = doc.replace(" </office:font-face-decls>", decls + "\n </office:font-face-decls>", 1)
        doc = doc.replace('style:font-name="Liberation Sans" fo:font-size="11pt"',
                          'style:font-name="%s" fo:font-size="%gpt"' % (font, s), 1)
        sizes = {"H1": s + 2, "H2": s, "H3": max(s - 1, 8), "Title": s + 5}
        for name, pt in sizes.items():
            doc = re.sub(r'(<style:style style:name="%s" .*?fo:font-size=")[0-9.]+pt' % name,
                         lambda m: m.group(1) + "%gpt" % pt, doc, count=1, flags=re.S)
        border = "0.5pt solid #000000" if v["borders"] else "none"
        va = v["valign"]
        doc = re.sub(r'(<style:style style:name="(?:Shade|Plain)" style:family="table-cell">'
                     r'<style:table-cell-properties )([^/]*)/>',
                     lambda m: m.group(1) + re.sub(r'fo:border="[^"]*"', 'fo:border="%s"' % border, m.group(2))
                     + ' style:vertical-align="%s"/>' % va, doc)
        extra = ('<style:style style:name="HeadRow" style:family="table-row"><style:table-row-properties '
                 'fo:keep-together="always"/></style:style>'
                 '<style:style style:name="TSym" style:family="text"><style:text-properties style:font-name="DejaVu Sans"/>'
                 '</style:style><style:style style:name="TWing" style:family="text"><style:text-properties '
                 'style:font-name="Wingdings"/></style:style><style:style style:name="FrIcon" style:family="graphic">'
                 '<style:graphic-properties style:vertical-pos="middle" style:vertical-rel="text" fo:border="none"/>'
                 '</style:style>')
        doc = doc.replace(" </office:automatic-styles>", extra + "\n </office:automatic-styles>", 1)
        doc = doc.replace('xmlns:svg=', 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg=', 1)
        if not footer:
            doc = re.sub(r"<style:footer>.*?</style:footer>", "", doc, flags=re.S)
        return doc


def soffice(args, tmp):
    prof = os.path.join(tmp, "profile")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless"] + args,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def docx_symbol_ticks(path):
    """Write the Wingdings ticks as Word's Insert > Symbol does: <w:sym w:font="Wingdings"
    w:char="F0FC"/>. LibreOffice's DOCX import draws a plain U+F0FC run in a fallback font
    (an empty box); a w:sym it recodes to OpenSymbol's tick, as its ODT import does."""
    import zipfile
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zo:
        for it in zi.infolist():
            d = zi.read(it.filename)
            if it.filename == "word/document.xml":
                s, n = re.subn(r"<w:t>\uf0fc</w:t>", '<w:sym w:font="Wingdings" w:char="F0FC"/>', d.decode("utf-8"))
                if not n:
                    raise SystemExit("no Wingdings tick found in the DOCX")
                d = s.encode("utf-8")
            zo.writestr(it, d)
    os.replace(tmp, path)


def writer_variant(root, v, out_pdf):
    footer = g.meta(root, "sop-footer") or ""
    title = g.meta(root, "sop-title") or v["base"]
    fodt = VFodt(v).document(root, footer, title, "2024-01-01T00:00:00")
    tmp = tempfile.mkdtemp(prefix="sopvar")
    try:
        fp = os.path.join(tmp, "doc.fodt")
        with open(fp, "w", encoding="utf-8") as f:
            f.write(fodt)
        src = fp
        if v["producer"] == "docx":
            soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, fp], tmp)
            src = os.path.join(tmp, "doc.docx")
            if v["marks"] == "wingdings":
                docx_symbol_ticks(src)
            keep = os.environ.get("SOP_KEEP_DOCX")
            if keep:
                shutil.copy(src, os.path.join(keep, os.path.basename(out_pdf)[:-4] + ".docx"))
            os.remove(fp)
        soffice(["--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, src], tmp)
        shutil.copy(os.path.join(tmp, "doc.pdf"), out_pdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------ HTML (html-lo, html-chromium)
def esc(s):
    return html.escape(s, quote=False)


class Html:
    def __init__(self, v):
        self.v = v
        self.lo = v["producer"] == "html-lo"

    def mark_glyph(self, m):
        if self.lo:
            return '<font face="DejaVu Sans">%s</font>' % m
        return '<span style="font-family: \'DejaVu Sans\'">%s</span>' % m

    def mark(self, td):
        m = self.v["marks"]
        if m == "base":
            if td.find_all("svg"):
                return icon_svg(mark_colour(self.v["base"], td)).replace(
                    'width="16" height="16"', 'width="13" height="13"')
            return esc(base_mark_text(td))
        if m in ("X", "x"):
            return m
        if m == "checkbox":
            m = "☒"
        if m in ("✓", "☒", "☐"):
            if self.lo:
                return '<font face="DejaVu Sans">%s</font>' % m
            return '<span style="font-family: \'DejaVu Sans\'">%s</span>' % m
        colour = mark_colour(self.v["base"], td)
        if m == "svg":
            return icon_svg(colour).replace('width="16" height="16"', 'width="13" height="13"')
        if m == "png":
            return '<img src="data:image/png;base64,%s" width="13" height="13" alt="">' % png_b64(colour)
        raise SystemExit("mark style %s not available for %s" % (m, self.v["producer"]))

    def node(self, n):
        if isinstance(n, str):
            return esc(n)
        if g.skipped(n):
            return ""
        t = n.tag
        if t == "br":
            return "<br>"
        if t in ("col", "meta", "link", "img", "hr", "input"):
            return ""
        if t == "table":
            return self.table(n)
        attrs = ""
        if t == "a" and n.attrs.get("href"):
            attrs = ' href="%s"' % html.escape(n.attrs["href"], quote=True)
        if "class" in n.attrs:
            attrs += ' class="%s"' % html.escape(n.attrs["class"], quote=True)
        st = []
        if n.attrs.get("data-brk-before"):
            st.append("page-break-before: always; break-before: page")
        if n.attrs.get("data-space-after"):
            st.append("margin-bottom: %s" % n.attrs["data-space-after"])
        if st:
            attrs += ' style="%s"' % "; ".join(st)
        inner = "".join(self.node(c) for c in n.children)
        return "<%s%s>%s</%s>" % (t, attrs, inner, t)

    def table(self, n):
        v = self.v
        widths = table_widths(n, v)
        tot = sum(widths)
        brk = bool(n.attrs.get("data-brk"))
        cls = " ".join(sorted(n.cls()) + (["brk"] if brk else []))
        attrs = ' class="%s"' % cls
        if n.attrs.get("data-space-after"):
            attrs += ' style="margin-bottom: %s"' % n.attrs["data-space-after"]
        if self.lo:
            # LibreOffice's HTML import keeps column widths given in pixels (96 px = 1 in);
            # percentages are widened to the longest word.
            attrs += ' width="%d" cellpadding="3" cellspacing="0" border="%d"' % (LO_TABLE_PX, 1 if v["borders"] else 0)
            px = [round(LO_TABLE_PX * w / tot) for w in widths]
            out = ["<table%s>" % attrs] + ['<col width="%d">' % w for w in px]
        else:
            out = ["<table%s>" % attrs, "<colgroup>"]
            for w in widths:
                out.append('<col width="%.1f%%">' % (100.0 * w / tot))
            out.append("</colgroup>")
        rows = n.find_all("tr")
        body_open = False
        for k, r in enumerate(rows):
            if k == 0 and header_row(r):
                out.append("<thead>")
            elif not body_open:
                if k > 0:
                    out.append("</thead>")
                out.append("<tbody>")
                body_open = True
            out.append("<tr>")
            for i, td in enumerate(cells(r)):
                a = ""
                if "mark" in td.cls() or empty_box_cell(td, v):
                    a += ' class="mark"'
                if self.lo:
                    a += ' valign="%s"' % v["valign"]
                    if td.tag == "th":
                        a += ' align="left" bgcolor="#dbe5f1"'
                if empty_box_cell(td, v):
                    inner = self.mark_glyph("☐")
                    if self.lo:
                        inner = '<p align="center">%s</p>' % inner
                elif is_mark_cell(td):
                    inner = self.mark(td)
                    if self.lo:
                        inner = '<p align="center">%s</p>' % inner
                else:
                    inner = "".join(self.node(c) for c in td.children)
                out.append("<%s%s>%s</%s>" % (td.tag, a, inner, td.tag))
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)

    def css(self, footer):
        v = self.v
        s = v["size"]
        border = "0.5pt solid #000" if v["borders"] else "none"
        css = []
        if not self.lo:
            fb = ""
            if footer:
                fb = (' @bottom-left { content: "%s   " counter(page) " - " counter(pages) "."; '
                      'font: 8pt "Liberation Sans"; color: #555; }' % footer.replace('"', '\\"'))
            css.append("@page { size: A4; margin: 2cm 2cm 1.6cm 2.2cm;%s }" % fb)
        css.append("body, p, h1, h2, h3, td, th { font-family: '%s'; }" % v["font"])
        css.append("body { font-size: %gpt; margin: 0; }" % s)
        css.append("table { border-collapse: collapse; width: 100%%; margin: 0.2cm 0 0.4cm; }")
        css.append("th, td { border: %s; padding: 2pt 4pt; vertical-align: %s; text-align: left; }"
                   % (border, v["valign"]))
        css.append("th { background: #dbe5f1; } td.mark { text-align: center; }")
        css.append("p.title { font-size: %gpt; font-weight: bold; color: #1f4e79; }" % (s + 5))
        css.append("h1 { font-size: %gpt; color: #1f4e79; } h2 { font-size: %gpt; } h3 { font-size: %gpt; }"
                   % (s + 2, s, max(s - 1, 8)))
        css.append("td p, th p { margin: 0 0 3pt; } .small { font-size: 8.5pt; }")
        css.append("svg, img { vertical-align: middle; }")
        if v["wrap"] and not self.lo:
            # a word wider than its column is broken, as Word and Writer do
            css.append("th, td { overflow-wrap: anywhere; }")
        if v["brk"]:
            if not v["brk"][2]:
                css.append("thead { display: table-row-group; }")
        return "\n".join(css)

    def document(self, root):
        footer = g.meta(root, "sop-footer") or ""
        title = g.meta(root, "sop-title") or ""
        body = "".join(self.node(c) for c in g.body_of(root).children)
        foot = ""
        if self.lo and footer:
            foot = ('<div title="footer"><p style="font-size: 8pt; color: #555555">%s   '
                    '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> - '
                    '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>.</p></div>\n' % esc(footer))
        return ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
                '<style>\n%s\n</style>\n</head>\n<body>\n%s%s\n</body>\n</html>\n'
                % (esc(title), self.css(footer), foot, body))


def chromium_variant(root, v, out_pdf):
    doc = Html(v).document(root)
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    tmp = tempfile.mkdtemp(prefix="sopvarc")
    try:
        hp = os.path.join(tmp, "doc.html")
        with open(hp, "w", encoding="utf-8") as f:
            f.write(doc)
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "prof"),
                        "--no-pdf-header-footer", "--print-to-pdf=" + os.path.abspath(out_pdf),
                        "file://" + hp],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def lo_html_variant(root, v, out_pdf):
    doc = Html(v).document(root)
    tmp = tempfile.mkdtemp(prefix="sopvarh")
    try:
        hp = os.path.join(tmp, "doc.html")
        with open(hp, "w", encoding="utf-8") as f:
            f.write(doc)
        soffice(["--infilter=HTML (StarWriter)", "--convert-to", "odt", "--outdir", tmp, hp], tmp)
        soffice(["--convert-to", "pdf:writer_pdf_Export", "--outdir", os.path.join(tmp, "pdf"),
                 os.path.join(tmp, "doc.odt")], tmp)
        shutil.copy(os.path.join(tmp, "pdf", "doc.pdf"), out_pdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------ manifest
def differing_fields(v):
    """Record fields expected to differ from the base's record, with the reason."""
    diff = [
        {"field": "source", "why": "another file (sha256, bytes, pages, filename)"},
        {"field": "provenance", "why": "pages and source lines follow the layout"},
        {"field": "unmapped[].page", "why": "page numbers follow the layout"},
    ]
    if v["base"] in ("000", "002"):
        diff.append({"field": "template.evidence",
                     "why": "the footer quoted as evidence carries the page number and page count"})
        if v["marks"] not in ("base", "✓" if v["base"] == "000" else "X"):
            diff.append({"field": "hgw[].raw",
                         "why": "the HGW mark cell holds %s instead of the base's %s"
                                % (describe_raw(v["marks"]), '"✓"' if v["base"] == "000" else '"X"')})
    return diff


def notes_for(v):
    """What a reader must get right for this variant's record to equal the base's."""
    notes = []
    if v["marks"] == "checkbox":
        notes.append("every unmarked cell of a mark column holds an empty box ☐, which is not a mark")
    if v["base"] == "003" and v["marks"] in ("X", "x", "✓", "☒", "wingdings", "checkbox"):
        notes.append("the §3 legend shows the mark glyph where the base has icons; it is the same fixed legend, "
                     "so boilerplate \"3. Ondersteuningsmogelijkheden: inleiding en legenda\" stays standard")
    if v["wrap"]:
        notes.append("header cells wrap over 2-3 lines and may break inside a word")
    if v["valign"] != "top":
        notes.append("cells aligned %s: a mark stands beside the middle or last line of a wrapped label"
                     % v["valign"])
    if not v["borders"]:
        notes.append("no cell rulings: tables must be found from the alignment of the text (stream)")
    return notes


def describe_raw(m):
    return {"X": '"X"', "x": '"x"', "✓": '"✓"', "☒": '"☒" (U+2612)', "checkbox": '"☒" (U+2612)', "wingdings": "U+F0FC (private use)",
            "svg": "an icon and no text", "png": "an image and no text"}[m]


def manifest_entry(v, pdf):
    name = "%s-%s.pdf" % (v["base"], v["name"])
    e = {
        "file": "variants/" + name,
        "base": BASE_PDF[v["base"]],
        "expected": "expected/%s.pdf.json" % v["base"],
        "producer": v["producer"],
        "font": v["font"],
        "font_size_pt": v["size"],
        "cell_valign": v["valign"],
        "header_wrap": v["wrap"],
        "marks": v["marks"],
        "marks_detail": MARK_STYLES[v["marks"]],
        "borders": v["borders"],
        "page_break": None,
        "pages": None,
        "expected_differences": differing_fields(v),
        "notes": notes_for(v),
    }
    if v["brk"]:
        e["page_break"] = {"table": v["brk"][0], "header_repeated": v["brk"][2],
                           "space_before_table_cm": v.get("space_cm")}
    if os.path.exists(pdf):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        m = re.search(r"Pages:\s+(\d+)", info)
        e["pages"] = int(m.group(1)) if m else None
        e["tables_over_pages"] = table_pages(v["base"], pdf)
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.split("\n")[2:]
        e["pdf_fonts"] = sorted(set(ln.split()[0].split("+")[-1] for ln in fonts if ln.strip()))
    return e


# ------------------------------------------------------------------ check
def words(s):
    out = []
    for w in s.split():
        w = w.replace("-", "").replace("\u00ad", "")
        w = re.sub(r"[^\w€%/&]", "", w)
        if w:
            out.append(w.lower())
    return out


def header_words(base):
    root = g.parse(os.path.join(HERE, base + ".html"))
    return set(w for th in root.find_all("th") for w in words(g.inline_text(th)))


def check(v, pdf):
    """Compare the variant's words with the base's source.txt (marks and footers aside).

    Returns (missing, extra, notes): words of the base not in the PDF and words in the PDF
    not in the base, as multisets, after explaining words broken inside narrow cells
    ("Structuree" + "l") and header rows repeated after a page break (listed in notes)."""
    from collections import Counter
    src = open(os.path.join(SAMPLES, BASE_PDF[v["base"]][:-4] + ".source.txt"), encoding="utf-8").read()
    txt = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    footer = g.meta(g.parse(os.path.join(HERE, v["base"] + ".html")), "sop-footer") or None
    lines = [ln for ln in txt.split("\n") if not (footer and footer in ln)]
    a = Counter(w for w in words(src.replace(" | ", " ")) if w not in ("x", "✓"))
    b = Counter(w for w in words("\n".join(lines)) if w not in ("x", "✓", "☒", "☐", "\uf0fc"))
    missing, extra = a - b, b - a
    notes = []
    # a word broken over 2-3 lines of a narrow cell
    for w in sorted(missing.elements(), key=len, reverse=True):
        done = False
        for i in range(1, len(w)):
            p1, rest = w[:i], w[i:]
            if extra[p1] <= 0:
                continue
            if extra[rest] > 0 and (p1 != rest or extra[p1] > 1):
                extra[p1] -= 1
                extra[rest] -= 1
                done = True
            else:
                for j in range(1, len(rest)):
                    p2, p3 = rest[:j], rest[j:]
                    if extra[p2] > 0 and extra[p3] > 0 and len({p1, p2, p3}) == 3:
                        for q in (p1, p2, p3):
                            extra[q] -= 1
                        done = True
                        break
            if done:
                break
        if done:
            missing[w] -= 1
            notes.append("broken word " + w)
    missing, extra = +missing, +extra
    hw = header_words(v["base"])
    # whole header words, and pieces of header words broken in narrow header cells
    rep = Counter({w: n for w, n in extra.items() if w in hw or any(w in h for h in hw)})
    if rep:
        notes.append("repeated header words: " + " ".join(sorted(rep)))
        extra = extra - rep
    return missing, extra, notes


def table_pages(base, pdf):
    """For each table of the base that is printed over more than one page: its class,
    the pages of its first and last row and whether its header row is printed again on
    the later pages. Found in pdftotext -raw output (cells come out whole, in order)."""
    root = g.parse(os.path.join(HERE, base + ".html"))
    txt = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    pages = [g.norm(p) for p in txt.split("\f")]
    starts, text = [], ""
    for p in pages:
        starts.append(len(text))
        text += p + " "

    def page_of(pos):
        return max(i for i, st in enumerate(starts) if st <= pos)

    def key(td, n=3):
        return " ".join(g.norm(g.inline_text(td)).split()[:n])

    def squash(x):
        return re.sub(r"\s+", "", x)

    out = []
    pos = 0
    seen = {}
    for t in root.find_all("table"):
        tcls = " ".join(sorted(t.cls()))
        tidx = seen.get(tcls, 0)
        seen[tcls] = tidx + 1
        trs = t.find_all("tr")
        head = [r for r in trs if header_row(r)]
        rows = [r for r in trs if not header_row(r) and key(cells(r)[0])]
        if not rows:
            continue
        if head:
            h = text.find(" ".join(key(c, 9) for c in cells(head[0])), pos)
            if h < 0:
                h = text.find(key(cells(head[0])[0]), pos)
            if h >= 0:
                pos = h
        first = text.find(key(cells(rows[0])[0]), pos)
        if first < 0:
            continue
        last = first
        for r in rows[1:]:
            q = text.find(key(cells(r)[0]), last)
            if q >= 0:
                last = q
        pos = last
        a, b = page_of(first), page_of(last)
        if b > a:
            # the whole header row, spaces removed (header cells may wrap or break words)
            hk = squash(" ".join(g.inline_text(c) for c in cells(head[0]))) if head else None
            out.append({"table": tcls, "index": tidx, "pages": [a + 1, b + 1],
                        "header_repeated": bool(hk) and all(hk in squash(pages[i]) for i in range(a + 1, b + 1))})
    return out


# ------------------------------------------------------------------ main
def build_once(v, space):
    root = prepare(g.parse(os.path.join(HERE, v["base"] + ".html")), v, space)
    out = os.path.join(OUT, "%s-%s.pdf" % (v["base"], v["name"]))
    if v["producer"] in ("odt", "docx"):
        writer_variant(root, v, out)
    elif v["producer"] == "html-lo":
        lo_html_variant(root, v, out)
    else:
        chromium_variant(root, v, out)
    g.fix_pdf(out)
    return out


def target_split(v, pdf):
    cls, idx, _ = v["brk"]
    return any(t["table"] == cls and t["index"] == idx for t in table_pages(v["base"], pdf))


def build(v):
    """Build a variant; with a forced page break, try spaces until the table is split."""
    os.makedirs(OUT, exist_ok=True)
    if not v["brk"]:
        return build_once(v, None)
    base = BREAK_SPACE[v["brk"][0]]
    for space in (base, base + 2, base - 2, base + 4, base - 4, base + 1, base - 1, base + 3, base - 3, base + 5):
        out = build_once(v, space)
        if target_split(v, out):
            v["space_cm"] = space
            return out
    raise SystemExit("%s-%s: table %s never split over a page" % (v["base"], v["name"], v["brk"][0]))


def short(c, n=25):
    items = sorted(c.items(), key=lambda kv: -kv[1])
    s = " ".join("%s×%d" % kv for kv in items[:n])
    return s + (" ... (%d words)" % sum(c.values()) if len(items) > n else "")


def readme_table():
    """The variants table of samples/README.md, from the manifest."""
    m = json.load(open(os.path.join(OUT, "manifest.json"), encoding="utf-8"))["variants"]
    out = ["| file | base | producer | font / size | cells | header wrap | marks | borders | page break |",
           "|---|---|---|---|---|---|---|---|---|"]
    for e in m:
        pb = e["page_break"]
        brk = "-"
        if pb:
            brk = "%s forced, header %s" % (pb["table"], "repeated" if pb["header_repeated"] else "not repeated")
        natural = [t for t in e.get("tables_over_pages", []) if not (pb and t["table"] == pb["table"])]
        if natural:
            brk += "; also " + ", ".join("%s%s" % (t["table"], " (header repeated)" if t["header_repeated"] else "")
                                       for t in natural)
        out.append("| `%s` | `%s` | %s | %s %gpt | %s | %s | %s | %s | %s |" % (
            e["file"], e["base"], e["producer"], e["font"], e["font_size_pt"], e["cell_valign"],
            "yes" if e["header_wrap"] else "no", e["marks"], "yes" if e["borders"] else "no", brk))
    return "\n".join(out)


def score(record, expected):
    """How many of the checked fields of `record` equal the base's expected record:
    {group: (equal, checked)}. Rows are matched by key; a missing row is not equal."""
    out = {}

    def one(name, a, b):
        out[name] = (int(a == b), 1)

    one("school.name", (record.get("school") or {}).get("name"), expected["school"]["name"])
    one("school_year", record.get("school_year"), expected["school_year"])
    one("template.revision", (record.get("template") or {}).get("revision"), expected["template"]["revision"])
    one("hgw_summary", record.get("hgw_summary"), expected["hgw_summary"])

    def rows(name, field, pick):
        got = {r.get("key"): r for r in record.get(field) or []}
        exp = expected[field]
        ok = sum(1 for r in exp if r["key"] in got and pick(got[r["key"]]) == pick(r))
        out[name] = (ok, len(exp))

    rows("hgw.status", "hgw", lambda r: r.get("status"))
    rows("expertise.available", "expertise", lambda r: r.get("available"))
    rows("expertise.provided_by", "expertise", lambda r: r.get("provided_by"))
    rows("partners.involvement", "partners", lambda r: r.get("involvement"))
    rows("facilities.present", "facilities", lambda r: r.get("present"))
    rows("offers", "offers", lambda r: (r.get("name"), r.get("timing"), r.get("provided_by")))
    rows("protocols", "protocols", lambda r: (r.get("name"), r.get("status")))
    return out


def score_all(sop, names):
    """Run `sop normalize` on the base samples and every variant; print a markdown table."""
    groups = None
    lines = []
    todo = [(b, BASE_PDF[b]) for b in ("000", "002", "003")]
    todo += [(v["base"], "variants/%s-%s.pdf" % (v["base"], v["name"])) for v in VARIANTS
             if not names or "%s-%s" % (v["base"], v["name"]) in names]
    for base, rel in todo:
        exp = json.load(open(os.path.join(SAMPLES, "expected", base + ".pdf.json"), encoding="utf-8"))
        r = subprocess.run([sop, "normalize", os.path.join(SAMPLES, rel)], capture_output=True, text=True)
        if r.returncode != 0:
            lines.append((rel, None, r.stderr.strip().splitlines()[-1:] or ["exit %d" % r.returncode]))
            continue
        sc = score(json.loads(r.stdout), exp)
        groups = groups or list(sc)
        lines.append((rel, sc, None))
    head = ["file"] + groups + ["total"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for rel, sc, err in lines:
        if sc is None:
            print("| `%s` | %s |" % (rel, "no record: " + " ".join(err)))
            continue
        tot = [sum(x[0] for x in sc.values()), sum(x[1] for x in sc.values())]
        print("| `%s` | %s | %d/%d |" % (rel, " | ".join("%d/%d" % sc[gname] for gname in groups), *tot))


def main(argv):
    if "--score" in argv:
        sop = argv[argv.index("--score") + 1]
        names = [a for a in argv[1:] if not a.startswith("-") and a != sop]
        score_all(sop, names)
        return 0
    if "--table" in argv:
        print(readme_table())
        return 0
    only_check = "--check" in argv
    names = [a for a in argv[1:] if not a.startswith("-")]
    manifest = []
    bad = 0
    old = {}
    mp = os.path.join(OUT, "manifest.json")
    if os.path.exists(mp):
        old = {e["file"]: e for e in json.load(open(mp, encoding="utf-8"))["variants"]}
    for v in VARIANTS:
        full = "%s-%s" % (v["base"], v["name"])
        pdf = os.path.join(OUT, full + ".pdf")
        prev = old.get("variants/" + full + ".pdf")
        if prev and prev.get("page_break"):
            v["space_cm"] = prev["page_break"].get("space_before_table_cm")
        if not names or full in names:
            if not only_check:
                build(v)
                print("built", os.path.relpath(pdf, os.path.dirname(SAMPLES)))
            if not os.path.exists(pdf):
                print("  %s: no PDF" % full)
                bad += 1
                continue
            missing, extra, notes = check(v, pdf)
            if missing or extra:
                bad += 1
                print("  %s: words missing %s, extra %s" % (full, short(missing), short(extra)))
            if v["brk"]:
                got = [t for t in table_pages(v["base"], pdf) if t["table"] == v["brk"][0]
                       and t["index"] == v["brk"][1]]
                if not got or got[0]["header_repeated"] != v["brk"][2]:
                    bad += 1
                    print("  %s: table %s not split as asked: %s" % (full, v["brk"][0], got))
            if notes and "-v" in argv:
                print("  %s: %s" % (full, "; ".join(notes)))
        manifest.append(manifest_entry(v, pdf))
    # the manifest is rewritten on every run: entries of variants not rebuilt keep their
    # break space (read back above) and describe the PDFs as they are
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"variants": manifest, "mark_styles": MARK_STYLES}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
