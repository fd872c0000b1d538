"""Every limit a reader applies to one input file, in one place.

An input file is untrusted: a small file can expand into gigabytes (a zip or Flate bomb) or hold
millions of tiny paragraphs. Each reader stops at these limits and reports it as a warning that
names the file and the limit; what was read before the limit is kept and the warning says the
rest was cut (a file that cannot be read in part, a zip part that is not the document's text, is
refused with the same kind of message). The README section "输入文件的大小限制" lists them for
users; keep the two in step.

Readers look the values up as `limits.NAME` when they run, so a test can lower one with
monkeypatch and stay fast.
"""

from __future__ import annotations

_MB = 1024 * 1024

# --- every format ---------------------------------------------------------------------------

# Bytes of any input file. Every file is hashed whole (the hash is its identity in the cache and
# the run state), so without a bound a sparse file of a few terabytes, or one that some program
# keeps appending to, would keep a run reading for hours. Larger files are not opened at all.
MAX_FILE_BYTES = 1024 * _MB
# Bytes of a text file (.txt, .md, .html) read; the rest is not. 8 MB of UTF-8 Chinese is about
# 2.7 million characters, far beyond any policy document.
MAX_TEXT_BYTES = 8 * _MB
# Characters of text taken from one document (a PDF's pages, a DOCX's paragraphs): about the
# bound of a text file, counted in characters.
MAX_TEXT_CHARS = 8_000_000
# Paragraphs (non-empty lines) of one document. A long policy report has a few thousand; the
# extraction stages cost time per paragraph, so millions of tiny ones would run for hours.
MAX_PARAGRAPHS = 100_000

# Characters of one header field a format gives explicitly (an HTML <meta> title, a JSON "title"
# or "doc_no"): a real title is under 200 characters, a URL a few hundred. Such a field is taken
# as the document's title or number as it stands, unlike text, which is cut into sentences; a
# 6 MB <meta name="ArticleTitle"> became a 2.2-million-character "title" printed in the briefing
# as one paragraph of hundreds of pages and copied into the manifest. A longer field is dropped
# (the text parser then reads the title from the text) with a warning; a URL, which the briefing
# never prints, is kept whatever its length.
MAX_FIELD_CHARS = 1000

# --- extraction (the text read) ---------------------------------------------------------------

# What the extraction does per sentence costs time per figure and measure, and some of it per
# figure over the whole sentence: one 900 000-character line of "12.5亿元" took 27 s to extract
# and hours to build (a figure's clause was searched from the sentence's start, per figure).
# Policy prose stays far below these (the corpus of 237 documents: sentences of at most 552
# characters and 16 figures, documents of at most 628 sentences and 304 figures); a longer run is a table or garbage, and is
# not read as sentences (a warning names the file). With them, an 8 MB text file of the worst
# shape builds in tens of seconds instead of hours.
# Characters of one sentence (text between two of 。！？).
MAX_SENTENCE_CHARS = 5_000
# Figures (numbers with a unit) in one sentence.
MAX_SENTENCE_FIGURES = 100
# Sentences of one document; the rest is not searched for measures and figures.
MAX_SENTENCES = 20_000
# Figures of one document (the corpus: at most 304); the sentences after the one that reaches
# it are not searched for figures. Each figure carries its clause (up to a sentence) into the
# JSONL and the workbook, so this also bounds what one file adds to them.
MAX_FIGURES = 5_000

# --- HTML -----------------------------------------------------------------------------------

# An HTML parser keeps a stack of open elements, and many steps walk it (each <div> looks for an
# open <p> to close, an unknown end tag for its element): 200 000 nested <div>s (a 2 MB page)
# kept lexbor busy for minutes, 8 MB of them for hours. Work grows at most with the square of
# the number of tags, so a page with up to this many is parsed directly (a second at worst) and
# a bigger one in a limited child process that is stopped after MAX_HTML_PARSE_SECONDS.
MAX_HTML_DIRECT_TAGS = 20_000
# The same for attributes: lexbor compares each attribute of an element with those before it, so
# one tag of many attributes (`<p a0 a1 a2 …>`) costs their square: 40 000 took 4 s, 80 000 24 s,
# and the 930 000 of an 8 MB page (one tag, so not counted above) would have run for hours, in
# this process with no CPU limit. A page that may have more is parsed in the child too.
MAX_HTML_DIRECT_ATTRIBUTES = 20_000
# CPU seconds the child may parse for: a real 8 MB page takes under one.
MAX_HTML_PARSE_SECONDS = 10
# Memory the child may add while it parses: the tree costs memory per element, not per byte.
# 8 MB of tiny tags (`<i>x`, `<b a>`, `<br>`: two to three million elements) took 0.7–1.0 GB,
# which the template limit (1 GB) let through; two such pages read side by side (`-j 2`) pushed a
# 4 GB machine toward swap. Real 8 MB pages, syntax-highlighted source or a whole manual of
# 300 000 tags, or a statistics table of 1.4 million, add 170–270 MB. A page that needs more is
# not read, with a warning.
MAX_HTML_PARSE_MEMORY = 512 * _MB

# --- DOCX (a zip of XML parts) --------------------------------------------------------------

# Entries in the zip. A DOCX has a few dozen; thousands of images are still far below this.
MAX_ZIP_ENTRIES = 10_000
# Inflated bytes of one XML part (word/document.xml is read up to here and cut; any other part,
# such as styles.xml or a .rels part, over it is refused). Declared sizes are checked first and
# inflation stops here too, since a zip can declare less than it holds.
MAX_XML_BYTES = 64 * _MB
# Inflated bytes of all parts of one DOCX together. Media parts (images, fonts, embedded objects)
# are never inflated at all: the text does not need them, so a media bomb costs nothing.
MAX_ZIP_INFLATED_BYTES = 128 * _MB
# Bytes of XML of one top-level paragraph or table row of word/document.xml (or of what a wrapper
# such as w:sdt holds, which is not read): the parser holds a block as a tree until it ends (a
# table is read and freed row by row). A paragraph of 15 million empty `<w:r/>`, a 170 KB file,
# took 1.4 GB and 31 s; cut here, 370 MB and 5 s, which MAX_XML_BLOCK_MARKUP then brought down.
MAX_XML_BLOCK_BYTES = 16 * _MB
# Markup (`<` and `=`, each an element, comment or attribute to come) in the XML of one such
# block. The tree costs memory per node, not per byte: 16 MB of `<w:r/>` took 410 MB, of
# elements with 26 empty attributes each 840 MB (50 times the XML); cut here, 130 MB and 260 MB
# (with the 80 MB the program itself takes). Word writes a table row or a paragraph in tens to a
# few thousand; a whole document of 9000 paragraphs (about 1000 pages) in one table cell, a
# layout web pages saved as Word often have, is about 200 000.
MAX_XML_BLOCK_MARKUP = 500_000
# Characters of an automatic list number put back before a paragraph ("一、", "（二）", "1.2.3").
# A crafted level text ("%1" repeated) with letter numbering (a counter of 10000 is 385 letters)
# would otherwise turn a 40 KB file into hundreds of millions of characters; such a label is
# not drawn, the paragraph is kept.
MAX_LABEL_CHARS = 32
# Nesting depth of XML elements: the limit libxml2 (lxml) applies when `huge_tree` is off, as it
# is for every parser the readers use. Deeper documents are cut or refused with this number.
MAX_XML_DEPTH = 256

# --- PDF ------------------------------------------------------------------------------------

# File size: pypdf holds the whole file in memory.
MAX_PDF_BYTES = 256 * _MB
# Pages read; a PDF with more is read up to here.
MAX_PDF_PAGES = 1000
# Inflated bytes of one stream (a page's content, an object stream). A page of text is well
# under 1 MB; a Flate bomb stops here instead of filling memory.
MAX_PDF_STREAM_BYTES = 32 * _MB
# CPU seconds pypdf may spend on one file, opening it and reading its pages; the pages read by
# then are kept. pypdf is pure Python and a page's content stream is run operator by operator:
# a 240 KB file whose 1000 pages all point to one 32 MB stream of empty text operators kept it
# busy for about 20 hours (2.3 s per MB and page). Real documents take milliseconds per page.
MAX_PDF_PARSE_SECONDS = 60
# Memory pypdf may add to the process while it reads one file (resident, checked as it parses).
# A PDF whose cross-reference is broken is rebuilt with an entry per object: 250 MB of
# `N 0 obj null endobj` grew the process to 1.3 GB before the time limit stopped it. The worst
# real shape measured, a 31 MB content stream of tiny operators, adds about 300 MB.
MAX_PDF_PARSE_MEMORY = 512 * _MB

# --- JSON -----------------------------------------------------------------------------------

# One JSONL line (one document): the same bound as a text file.
MAX_JSONL_LINE_BYTES = 8 * _MB
# A whole JSONL file: every document read from it is held in memory until it is extracted.
MAX_JSONL_BYTES = 256 * _MB
# Records (documents) of one JSONL or .json file; the rest are not read. Every record read is held
# until the file is done, as a document or as a failed one with its warning (about 700 bytes even
# for "{}"): a 3 MB JSONL of a million "{}" lines took 650 MB and 16 s, and the 256 MB the size
# limit allows would have taken 55 GB. A month's crawl export has thousands.
MAX_JSON_RECORDS = 100_000
# A .json file is parsed whole, and a parsed JSON tree takes several times its size in memory;
# larger collections belong in JSONL.
MAX_JSON_BYTES = 64 * _MB
# Values (strings, numbers, arrays, objects) of a .json file, counted before it is parsed: the tree
# costs memory per value, not per byte. 64 MB of `[{}, {}, …]` took 1.8 GB, of `[{"":0}, …]`
# 2.1 GB (33 times the file); a real file of that size (a few thousand documents of a few fields
# each, their text as one string or a list of paragraphs) has tens or hundreds of thousands.
MAX_JSON_VALUES = 2_000_000


def chars_text(count: int, unit: str = "字") -> str:
    """A number of characters (or of other things, in `unit`) for a message: "800 万字",
    "1200 字", "50 万个"."""
    return (
        f"{count // 10000} 万{unit}" if count >= 10000 and count % 10000 == 0 else f"{count} {unit}"
    )


def size_text(size: int) -> str:
    """A size or limit for a message: "64 MB", "1.5 MB", "600 KB", "100 字节"."""
    if size >= _MB:
        value = size / _MB
        return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} 字节"
