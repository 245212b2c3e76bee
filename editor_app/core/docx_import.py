"""Word documents (.docx) -> articles: how most newsrooms' existing work arrives (#20).

mammoth reads the document's structure rather than its looks (headings by their
style, emphasis, links, lists, tables, pictures with their alt text) and writes clean
HTML; ``html_to_markdown`` turns that into the same markdown a paste would give.
Then:

- the first heading (Word's "Title" or "Heading 1" style) is the headline, else the
  file name;
- an interview's questions, set as bold paragraphs, become ``Q:`` questions and the
  article an interview;
- pictures become assets (``asset:<sha256>.<ext>``, the library's names) with the
  alt text the document gives them; a picture in a format a web page cannot show
  (Word's EMF and WMF drawings) is left out and named in the notes.

Pure Python, no library writes: ``read_docx`` is called while files are read and
checked, before an import stores anything.
"""

from __future__ import annotations

import hashlib
import io
import pathlib
import zipfile
from dataclasses import dataclass, field

from editor_app.core.errors import InputError
from editor_app.core.html_markdown import html_to_markdown, mark_questions
from editor_app.core.import_images import MAX_IMAGE_BYTES, picture_type

MAX_DOCX_BYTES = 50 * 1024 * 1024
# Word's own paragraph styles that carry meaning mammoth does not map by default.
_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""


@dataclass
class DocxContent:
    """A Word document as markdown, the pictures it holds (sha -> data, name, mime), notes."""

    markdown: str
    assets: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    questions: int = 0


def read_docx(path: str | pathlib.Path) -> DocxContent:
    """Convert a .docx file; InputError naming the file when it is not a Word document."""
    path = pathlib.Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            raise InputError(f"{path}: file too large ({size // (1024 * 1024)} MB; the limit "
                             f"is {MAX_DOCX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    return convert_docx(data, source=str(path))


def convert_docx(data: bytes, *, source: str) -> DocxContent:
    """The markdown, pictures and notes of a Word document given as bytes."""
    import mammoth

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{source}: not a Word document (.docx files are zip archives; "
                         "an old .doc must be saved as .docx first)")
    content = DocxContent(markdown="")
    name = pathlib.Path(source).name
    count = 0

    def picture(image) -> dict:
        nonlocal count
        count += 1
        alt = " ".join((image.alt_text or "").split())
        try:
            with image.open() as handle:
                raw = handle.read(MAX_IMAGE_BYTES + 1)
        except Exception:  # noqa: BLE001 - a damaged picture must not stop the text
            content.notes.append(f"{name}: picture {count} cannot be read; left out")
            return {}
        kind = picture_type(raw)
        if len(raw) > MAX_IMAGE_BYTES:
            content.notes.append(f"{name}: picture {count} is larger than "
                                 f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB; left out")
            return {}
        if kind is None:
            content.notes.append(f"{name}: picture {count} ({image.content_type or 'unknown'}) "
                                 "is not a PNG, JPEG, GIF, WebP or AVIF picture; left out "
                                 "(save it as PNG and insert it in Byline)")
            return {}
        extension, mime = kind
        sha = hashlib.sha256(raw).hexdigest()
        content.assets.setdefault(sha, (raw, f"picture-{count}.{extension}", mime))
        return {"src": f"asset:{sha}.{extension}", "alt": alt}

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP,
                                         convert_image=mammoth.images.img_element(picture))
    except (KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(f"{source}: not a readable Word document ({type(exc).__name__}: "
                         f"{str(exc)[:80]})") from None
    except Exception as exc:  # noqa: BLE001 - lxml-free XML errors and the like
        raise InputError(f"{source}: not a readable Word document ({type(exc).__name__})") from None

    def keep_asset(src: str, alt: str) -> str | None:
        return src if src.startswith("asset:") else None

    markdown = html_to_markdown(result.value, image=keep_asset)
    markdown, content.questions = mark_questions(markdown)
    content.markdown = markdown
    return content
