"""Word documents made with python-docx for the import tests (#20)."""

from __future__ import annotations

import io
import struct
import zlib


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A tiny valid PNG (red pixels)."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx has no call for links: the w:hyperlink element, as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def interview_docx(path, *, title="Harbour master: “the quay will reopen”", picture=True,
                   questions=True):
    """A Word interview: title, lede with bold/italic/link, a heading, two lists, bold
    questions with answers and a picture with alt text; returns the path."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    if title:
        document.add_heading(title, level=0)
    lede = document.add_paragraph("The harbour master spoke to ")
    lede.add_run("Byline").bold = True
    lede.add_run(" about the ")
    lede.add_run("quay").italic = True
    lede.add_run(". See ")
    add_hyperlink(lede, "https://example.org/quay", "the plans")
    lede.add_run(".")
    document.add_heading("Background", level=2)
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    document.add_paragraph("Step one", style="List Number")
    document.add_paragraph("Step two", style="List Number")
    if questions:
        for question, answer in (("When will the quay reopen?", "In May, if the weather holds."),
                                 ("Tell us about the repairs.", "They took two years."),
                                 ("Who pays?", "The council.")):
            document.add_paragraph().add_run(question).bold = True
            document.add_paragraph(answer)
    if picture:
        document.add_picture(io.BytesIO(png_bytes()), width=Inches(1))
        document.inline_shapes[0]._inline.docPr.set("descr", "The rebuilt quay at dawn")
    document.save(str(path))
    return path
