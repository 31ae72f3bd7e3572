"""Hostile PDFs made on the spot, a few kB each: a string bomb (a million characters drawn from one compressed
string), a Flate bomb (a stream compressed twice that inflates to a gigabyte) and a deeply nested object."""

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(content, filters=b"/FlateDecode"):
    """A one-page PDF whose page draws `content` (already encoded for `filters`)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        FONT,
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def deflate_stream(chunks):
    """zlib of the concatenated chunks, compressed as they come (a gigabyte never held at once)."""
    compressor = zlib.compressobj(9)
    return b"".join(compressor.compress(chunk) for chunk in chunks) + compressor.flush()


def string_bomb(characters=1_000_000):
    content = b"BT /F1 1 Tf 10 10 Td (" + b"A" * characters + b") Tj ET"
    return pdf(zlib.compress(content, 9))


def flate_bomb(megabytes=1024):
    inner = deflate_stream(b"\0" * (1 << 20) for _ in range(megabytes))
    return pdf(zlib.compress(inner, 9), filters=b"[/FlateDecode /FlateDecode]")


def deeply_nested(depth=200_000):
    nested = b"[" * depth + b"]" * depth
    return pdf(zlib.compress(b"BT /F1 12 Tf 10 10 Td " + nested + b" TJ ET", 9))
