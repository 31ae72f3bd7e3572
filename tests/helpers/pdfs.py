"""Small PDF files written byte by byte, for the files an editor might upload by mistake; the seed PDFs read once."""

import functools
import hashlib
import json
import os
from pathlib import Path

ENCRYPTION = b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >> "


def make_pdf(pages, encrypted=False):
    """A valid PDF of `pages`, each a list of text lines (an empty list: a page without text, like a scan)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        text = b"BT /F1 10 Tf 40 800 Td 14 TL " + b"".join(
            b"(" + line.encode("latin-1") + b") Tj T* " for line in lines
        )
        stream = text + b"ET" if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root 1 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] " % (
        len(objects) + 1
    )
    out += b"trailer\n<< " + trailer + (ENCRYPTION if encrypted else b"") + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- the official PDFs read once --------------------------------------------------------------------------------------
# Reading the 76 seed PDFs takes about 40 s of a core. What the reader made of each is kept (as its payload, the
# preview's plain data) in .pytest_cache, under a key of the file, the reader's code and the locked libraries, so a
# change to any of them reads the file again; pytest --cache-clear forgets them all.

ROOT = Path(__file__).resolve().parents[2]
READ_SHEETS = ROOT / ".pytest_cache" / "official-sheets"
READER_SOURCES = sorted((ROOT / "results" / "imports").glob("*.py")) + sorted((ROOT / "results" / "sport").glob("*.py"))


@functools.cache
def reader_fingerprint():
    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes())
    for source in READER_SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()


@functools.cache
def official(path):
    """The sheet the reader makes of one of the seed PDFs (read once, then kept)."""
    from results.imports.isu_pdf import OfficialSheet, read_pdf

    content = Path(path).read_bytes()
    kept = READ_SHEETS / f"{hashlib.sha256(content + reader_fingerprint().encode()).hexdigest()}.json"
    if kept.exists():
        return OfficialSheet.from_payload(json.loads(kept.read_text(encoding="utf-8")))
    sheet = read_pdf(content, Path(path).name)
    READ_SHEETS.mkdir(parents=True, exist_ok=True)
    partial = kept.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(sheet.to_payload()), encoding="utf-8")
    partial.replace(kept)  # whole or not at all, when two test processes read the same file
    return sheet
