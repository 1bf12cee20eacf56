#!/usr/bin/env python3
"""Rebuild every sample PDF and its .source.txt from samples/src.

Python 3 standard library only. Run from the repository root:

    python3 samples/src/generate.py            # all samples
    python3 samples/src/generate.py 000 003    # only these ids (first year and next year)

Model SOP sources (000-002, next-year/000) are HTML files that this script turns
into flat ODT (.fodt: A4 page, footer with Writer page-number/page-count fields,
real tables, hyperlinks) and prints with LibreOffice Writer (writer_pdf_Export).
The Perspectief op School source (003, next-year/003) is HTML printed by headless
Chromium; its marks are inline SVG icons.

The same parsed HTML tree also yields NNN.source.txt: the visible body text in
reading order, one paragraph or table row per line, table cells joined by " | ",
no footers, no link URLs, no icon marks.

Output PDFs are post-processed so that dates and document IDs are fixed
(same-length byte replacement, xref offsets stay valid).
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)

# (source html, output pdf, engine)
JOBS = [
    ("000.html", "pdf/000.pdf", "writer"),
    ("001.html", "pdf/001.pdf", "writer"),
    ("002.html", "pdf/002.pdf", "writer"),
    ("003.html", "pdf/003.pdf", "chromium"),
    ("next-year/000.html", "next-year/000.pdf", "writer"),
    ("next-year/003.html", "next-year/003.pdf", "chromium"),
]

VOID = {"br", "col", "meta", "link", "img", "hr", "input", "path", "circle", "rect", "line", "polyline"}
BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "div", "table", "tr", "caption"}


# --------------------------------------------------------------------------- DOM
class Node:
    def __init__(self, tag, attrs=None, parent=None):
        self.tag = tag
        self.attrs = dict(attrs or {})
        self.children = []
        self.parent = parent

    def cls(self):
        return set((self.attrs.get("class") or "").split())

    def find_all(self, tag):
        out = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    out.append(c)
                out.extend(c.find_all(tag))
        return out


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path):
    b = TreeBuilder()
    with open(path, encoding="utf-8") as f:
        b.feed(f.read())
    b.close()
    return b.root


def meta(root, name):
    for m in root.find_all("meta"):
        if m.attrs.get("name") == name:
            return m.attrs.get("content", "")
    return None


def body_of(root):
    b = root.find_all("body")
    return b[0] if b else root


# --------------------------------------------------------------- source.txt
def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def skipped(n):
    return n.tag in ("svg", "script", "style", "head", "title") or "footer" in n.cls() \
        or n.attrs.get("title") == "footer" or "noext" in n.cls()


def inline_text(n):
    """All visible text under n as one string (br -> space)."""
    if isinstance(n, str):
        return n
    if skipped(n):
        return ""
    if n.tag == "br":
        return " "
    parts = []
    for c in n.children:
        t = inline_text(c)
        if isinstance(c, Node) and c.tag in BLOCK | {"td", "th"}:
            t = " " + t + " "
        parts.append(t)
    return "".join(parts)


def source_lines(n, out):
    if isinstance(n, str):
        return
    if skipped(n):
        return
    if n.tag == "tr":
        cells = [norm(inline_text(c)) for c in n.children
                 if isinstance(c, Node) and c.tag in ("td", "th")]
        if any(cells):
            out.append(" | ".join(cells))
        return
    if n.tag in ("p", "h1", "h2", "h3", "h4", "li", "caption"):
        t = norm(inline_text(n))
        if t:
            out.append(t)
        return
    # container: if it holds loose inline text, treat it as a paragraph
    has_block = any(isinstance(c, Node) and (c.tag in BLOCK or c.tag in ("ul", "ol", "thead", "tbody", "section"))
                    for c in n.children)
    if not has_block and n.tag not in ("#root", "body", "html"):
        t = norm(inline_text(n))
        if t:
            out.append(t)
        return
    for c in n.children:
        if isinstance(c, str):
            if norm(c) and n.tag not in ("#root", "html", "table", "tbody", "thead", "ul", "ol"):
                out.append(norm(c))
        else:
            source_lines(c, out)


def write_source(root, path):
    out = []
    source_lines(body_of(root), out)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# ------------------------------------------------------------------- FODT
def x(s):
    return html.escape(s, quote=True)


STYLES = """
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="nl" fo:country="NL" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.16cm" fo:line-height="115%"/>
  </style:style>
  <style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="8.5pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#1f4e79"/>
  </style:style>
  <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
   <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#1f4e79"/>
  </style:style>
  <style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
   <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="11pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="H3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3">
   <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="10pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.08cm" fo:line-height="110%"/>
  </style:style>
  <style:style style:name="CellSmall" style:family="paragraph" style:parent-style-name="Cell">
   <style:text-properties fo:font-size="8.5pt"/>
  </style:style>
  <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="CellMark" style:family="paragraph" style:parent-style-name="Cell">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-bottom="0cm"/>
   <style:text-properties fo:font-size="8pt" fo:color="#555555"/>
  </style:style>
  <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">
   <style:text-properties fo:color="#000080" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2cm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:footer><text:p text:style-name="Footer">%(footer)s<text:s text:c="3"/><text:page-number text:select-page="current">1</text:page-number> - <text:page-count>1</text:page-count>.</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
"""

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>%(title)s</dc:title><meta:creation-date>%(date)s</meta:creation-date><dc:date>%(date)s</dc:date><meta:generator>sop samples/src/generate.py</meta:generator></office:meta>
"""


class Fodt:
    def __init__(self):
        self.auto = []  # automatic style xml
        self.tables = 0

    # inline content -> ODF inline xml
    def inline(self, n, fmt=()):
        if isinstance(n, str):
            s = re.sub(r"\s+", " ", n)
            if not s:
                return ""
            return self.span(x(s), fmt)
        if skipped(n):
            return ""
        t = n.tag
        if t == "br":
            return "<text:line-break/>"
        if t in ("i", "em"):
            return "".join(self.inline(c, fmt + ("i",)) for c in n.children)
        if t in ("b", "strong"):
            return "".join(self.inline(c, fmt + ("b",)) for c in n.children)
        if t == "u":
            return "".join(self.inline(c, fmt + ("u",)) for c in n.children)
        if t == "a" and n.attrs.get("href"):
            inner = "".join(self.inline(c, fmt) for c in n.children)
            return ('<text:a xlink:type="simple" xlink:href="%s" text:style-name="Internet_20_link">%s</text:a>'
                    % (x(n.attrs["href"]), inner))
        return "".join(self.inline(c, fmt) for c in n.children)

    def span(self, s, fmt):
        if not fmt:
            return s
        name = "T" + "".join(sorted(set(fmt)))
        return '<text:span text:style-name="%s">%s</text:span>' % (name, s)

    def para(self, n, base="Standard"):
        cls = n.cls()
        style = {"h1": "H1", "h2": "H2", "h3": "H3", "h4": "H3"}.get(n.tag, base)
        if "title" in cls:
            style = "Title"
        if "small" in cls:
            style = "CellSmall" if base.startswith("Cell") else "Small"
        if "mark" in cls:
            style = "CellMark"
        body = self.inline(n, ("i",) if "instr" in cls else ())
        body = re.sub(r"^ +", "", body)
        tag = "text:h" if style in ("H1", "H2", "H3") else "text:p"
        lvl = ' text:outline-level="%s"' % style[1] if tag == "text:h" else ""
        return '<%s text:style-name="%s"%s>%s</%s>' % (tag, style, lvl, body, tag)

    def cell_content(self, td, head):
        base = "CellHead" if head else "Cell"
        if "mark" in td.cls():
            base = "CellMark"
        if "small" in td.cls():
            base = "CellSmall"
        blocks = [c for c in td.children if isinstance(c, Node) and c.tag in ("p", "div", "ul")]
        if not blocks:
            return '<text:p text:style-name="%s">%s</text:p>' % (base, self.inline(td).strip())
        out = []
        for c in td.children:
            if isinstance(c, Node) and c.tag in ("p", "div"):
                out.append(self.para(c, base))
            elif isinstance(c, str) and c.strip():
                out.append('<text:p text:style-name="%s">%s</text:p>' % (base, x(norm(c))))
        return "".join(out)

    def table(self, n):
        self.tables += 1
        tn = "Tab%d" % self.tables
        cols = [c.attrs.get("width", "") for c in n.find_all("col")]
        rows = n.find_all("tr")
        ncol = max(len([c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]) for r in rows)
        if len(cols) != ncol:
            cols = [str(100.0 / ncol)] * ncol
        widths = [float(c.rstrip("%")) for c in cols]
        tot = sum(widths)
        full = 16.8
        if "narrow" in n.cls():
            full = 12.6
        self.auto.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>' % (tn, full))
        out = ['<table:table table:name="%s" table:style-name="%s">' % (tn, tn)]
        for i, w in enumerate(widths):
            cn = "%s.C%d" % (tn, i)
            self.auto.append('<style:style style:name="%s" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (cn, full * w / tot))
            out.append('<table:table-column table:style-name="%s"/>' % cn)
        for r in rows:
            out.append("<table:table-row>")
            for td in [c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]:
                shade = "Shade" if td.tag == "th" or "shade" in td.cls() else "Plain"
                out.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>'
                           % (shade, self.cell_content(td, td.tag == "th")))
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def blocks(self, n, out):
        for c in n.children:
            if isinstance(c, str):
                if norm(c):
                    out.append('<text:p text:style-name="Standard">%s</text:p>' % x(norm(c)))
                continue
            if skipped(c):
                continue
            if c.tag in ("p", "h1", "h2", "h3", "h4", "li"):
                out.append(self.para(c))
            elif c.tag == "table":
                out.append(self.table(c))
            elif c.tag in ("div", "section", "ul", "ol", "body", "main"):
                self.blocks(c, out)
            else:
                out.append('<text:p text:style-name="Standard">%s</text:p>' % self.inline(c))

    def document(self, root, footer, title, date):
        body = []
        self.blocks(body_of(root), body)
        fixed = [
            '<style:style style:name="Ti" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>',
            '<style:style style:name="Tb" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>',
            '<style:style style:name="Tbi" style:family="text"><style:text-properties fo:font-style="italic" fo:font-weight="bold"/></style:style>',
            '<style:style style:name="Tu" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>',
            '<style:style style:name="Tbu" style:family="text"><style:text-properties fo:font-weight="bold" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>',
            '<style:style style:name="Shade" style:family="table-cell"><style:table-cell-properties fo:background-color="#dbe5f1" fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>',
            '<style:style style:name="Plain" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>',
        ]
        styles = STYLES.replace("%(footer)s", x(footer))
        styles = styles.replace(" </office:automatic-styles>", "".join(fixed + self.auto) + "\n </office:automatic-styles>")
        return (HEAD % {"title": x(title), "date": date} + styles +
                " <office:body><office:text>\n" + "\n".join(body) + "\n </office:text></office:body>\n</office:document>\n")


# ------------------------------------------------------------- PDF steps
FIXED_DATE = "20240101000000"


def fix_pdf(path):
    """Make dates and /ID deterministic without changing byte offsets."""
    with open(path, "rb") as f:
        d = f.read()

    def date(m):
        v = m.group(2)
        digits = re.match(rb"\d*", v).group(0)
        nd = (FIXED_DATE.encode() + b"0" * 20)[:len(digits)]
        rest = v[len(digits):]
        rest = re.sub(rb"[+\-]\d\d'\d\d'?", lambda r: b"+00'00'"[:len(r.group(0))] if r.group(0).endswith(b"'") else b"+00'00", rest)
        return m.group(1) + nd + rest

    d = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([^)]*)", date, d)
    d = re.sub(rb"(<(?:xmp|pdf):(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)",
               lambda m: m.group(1) + (b"2024-01-01T00:00:00+00:00" + b" " * 40)[:len(m.group(2))].rstrip(b" ").ljust(len(m.group(2)), b" "), d)
    d = re.sub(rb"(xmpMM:(?:DocumentID|InstanceID)>)(uuid:)?([0-9a-fA-F\-]+)",
               lambda m: m.group(1) + (m.group(2) or b"") + re.sub(rb"[0-9a-fA-F]", b"0", m.group(3)), d)
    d = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
               lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5), d)
    with open(path, "wb") as f:
        f.write(d)


def writer_pdf(src, out_pdf):
    root = parse(src)
    footer = meta(root, "sop-footer") or ""
    title = meta(root, "sop-title") or os.path.basename(src)
    fodt = Fodt().document(root, footer, title, "2024-01-01T00:00:00")
    tmp = tempfile.mkdtemp(prefix="sopgen")
    try:
        base = os.path.splitext(os.path.basename(out_pdf))[0]
        fp = os.path.join(tmp, base + ".fodt")
        with open(fp, "w", encoding="utf-8") as f:
            f.write(fodt)
        keep = os.environ.get("SOP_KEEP_FODT")
        if keep:
            shutil.copy(fp, keep)
        prof = os.path.join(tmp, "profile")
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, fp],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, base + ".pdf"), out_pdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return root


def chromium_pdf(src, out_pdf):
    root = parse(src)
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    tmp = tempfile.mkdtemp(prefix="sopchr")
    try:
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--user-data-dir=" + tmp,
                        "--no-pdf-header-footer", "--print-to-pdf=" + os.path.abspath(out_pdf),
                        "file://" + os.path.abspath(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return root


def main(argv):
    only = set(argv[1:])
    for src, out, engine in JOBS:
        sid = os.path.splitext(os.path.basename(src))[0]
        if only and sid not in only:
            continue
        srcp = os.path.join(HERE, src)
        if not os.path.exists(srcp):
            print("missing source, skipped:", src, file=sys.stderr)
            continue
        outp = os.path.join(SAMPLES, out)
        os.makedirs(os.path.dirname(outp), exist_ok=True)
        root = (writer_pdf if engine == "writer" else chromium_pdf)(srcp, outp)
        fix_pdf(outp)
        write_source(root, outp[:-4] + ".source.txt")
        print("built", os.path.relpath(outp, os.path.dirname(SAMPLES)))


if __name__ == "__main__":
    main(sys.argv)
