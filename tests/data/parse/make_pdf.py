"""Write the PDF fixtures used by tests/test_parse_pdf.py (run: python tests/data/parse/make_pdf.py).

The PDFs are written as raw PDF syntax (Helvetica, WinAnsiEncoding) so that the fixtures
need nothing but the standard library and are byte-for-byte reproducible. Each page gets
a running header and a "Page N of M" footer, lines are wrapped at a fixed measure, and one
word is hyphenated across a line end, as in real printed minutes.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent

HEADER = "Westshire Police and Crime Panel - 12 March 2024"

PAGES = [
    [
        "Westshire Police and Crime Panel",
        "Minutes of the meeting held at Shire Hall, Westbury on Tuesday, 12 March 2024, commencing at",
        "10.00 am.",
        "Present: Councillor Ann Brook (Chair), Councillors Peter Hale, Rita Moss and Sam Oduya.",
        "23 Apologies for Absence",
        "Apologies were received from Councillor Tom Reed.",
        "24 Minutes of the Previous Meeting",
        "Resolved - That the minutes of the meeting held on 9 January 2024 be confirmed as a correct",
        "record and signed by the Chair.",
        "25 Police and Crime Commissioner's Precept Proposal 2024/25",
        "The Commissioner, Dana Fox, presented her proposal to increase the policing precept by",
        "\u00a313 a year for a Band D property. The Commissioner explained that the increase would",
        "fund 40 neighbourhood officers and the re-organi-",
    ],
    [
        "sation of the control room.",
        "During the presentation Members heard:",
        "\u2022 Recruitment was on track to reach 1,200 officers by March 2025.",
        "\u2022 Public consultation showed that 61% of respondents supported the proposal.",
        "In response to questions, the Panel heard:",
        "\u2022 Savings of \u00a32.1m had been found through shared services with Eastshire.",
        "Councillor Hale asked whether rural areas would benefit. The Chief Constable confirmed that",
        "six of the new officers would be posted to rural teams.",
    ],
    [
        "RESOLVED:",
        "1. That the Panel supports the proposed precept of \u00a3265.50 for a Band D property.",
        "2. That the Commissioner be asked to report on the control room review in July.",
        "The meeting concluded at 12.05 pm.",
    ],
]


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(lines: list[str], number: int, total: int, furniture: bool) -> bytes:
    parts = [b"BT /F1 10 Tf 14 TL 56 800 Td"]
    if furniture:
        parts.append(b"(" + _escape(HEADER) + b") Tj T* T*")
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    if furniture:
        parts.append(b"BT /F1 9 Tf 270 40 Td (" + _escape(f"Page {number} of {total}") + b") Tj ET")
    return b"\n".join(parts)


def build_pdf(pages: list[list[str]], furniture: bool = True) -> bytes:
    """Return the bytes of a PDF with one page per list of lines."""
    objects: list[bytes] = []
    n = len(pages)
    font_id = 3
    page_ids = [4 + 2 * i for i in range(n)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = _page_stream(lines, i + 1, n, furniture)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (font_id, page_ids[i] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypted(pdf: bytes) -> bytes:
    """``pdf`` encrypted with a user password (needs pypdf; RC4 needs no other library)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    (HERE / "printed_minutes.pdf").write_bytes(build_pdf(PAGES))
    (HERE / "encrypted.pdf").write_bytes(encrypted(build_pdf(PAGES[:1])))
    (HERE / "blank.pdf").write_bytes(build_pdf([[]], furniture=False))  # a page with no text, like a scan


if __name__ == "__main__":
    main()
