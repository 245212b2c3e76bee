"""HTML -> clean markdown: what people paste from web pages and word processors (#20).

A reporter copies a passage from a web page, Google Docs, LibreOffice or Word; the
clipboard holds HTML full of things that are not the text (styles, scripts, Office
markup, tracking wrappers). Pasting it as plain text would lose the headings, links,
emphasis and lists; pasting it as HTML would put soup into a markdown editor. This
keeps what a story is made of and nothing else:

- paragraphs, headings, **bold**, *italic*, links (``javascript:`` ones lose the link,
  keep the words), lists (numbered and not, nested), quotes, code, tables, images
  (through ``image``, which decides where each picture goes);
- Google Docs' bold wrapper with ``font-weight:normal`` is not bold; its spans with a
  bold or italic weight or style are;
- Word's list paragraphs (``MsoListParagraph``) become list items and their bullet
  glyphs (``mso-list:Ignore``) go; ``<o:p>`` and other Office tags go;
- non-breaking and zero-width spaces become plain spaces or nothing.

Word documents come here too (mammoth turns .docx into HTML, see docx_import.py), so
both ways in make the same markdown. Pure Python (BeautifulSoup's own parser through
markdownify): no Qt, safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: ``image(src, alt) -> target``: the link target to write, or None to leave the picture out.
ImageHandler = Callable[[str, str], "str | None"]

_DROP_TAGS = ("script", "style", "head", "meta", "link", "title", "noscript", "template",
              "iframe", "object", "embed", "svg", "form", "input", "button", "select",
              "textarea", "canvas", "audio", "video", "map")
_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-4]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(italic|oblique)", re.I)
_MSO_LIST = re.compile(r"mso-list\s*:\s*l(\d+)\s+level(\d+)", re.I)
_MSO_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.I)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)
_BOLD_PARAGRAPH = re.compile(r"\A\*\*(?P<text>[^*\n](?:[^\n]*?[^*\n])?)\*\*\Z")
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\Z")


def html_to_markdown(html: str, *, image: ImageHandler | None = None) -> str:
    """Markdown for ``html`` (a fragment or a whole page); "" when it holds no text.

    ``image(src, alt)`` gives the target each picture is written with (a data: URL can
    become an asset of the library); without it pictures keep http(s) sources and
    drop the others (a data: URL would put megabytes of base64 into the text).
    """
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction

    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(
            s, (Comment, Declaration, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(lambda t: ":" in t.name):  # <o:p>, <v:shape>, <w:sdt> …
        if t_is_empty(tag):
            tag.decompose()
        else:
            tag.unwrap()
    _word_lists(soup)
    _styled_emphasis(soup)
    for link in soup.find_all("a"):
        href = (link.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "vbscript:", "data:")):
            link.unwrap()
    _images(soup, image)
    text = _Converter().convert_soup(soup)
    return _tidy(text)


def t_is_empty(tag) -> bool:
    return not tag.get_text(strip=True) and not tag.find("img")


def _word_lists(soup) -> None:
    """Word's list paragraphs (bullets drawn as text) -> <ul>/<ol> with <li>."""
    for ignored in soup.find_all(style=_MSO_IGNORE):
        ignored.decompose()
    current = None
    for paragraph in soup.find_all("p"):
        style = paragraph.get("style") or ""
        classes = " ".join(paragraph.get("class") or [])
        match = _MSO_LIST.search(style)
        if match is None and "MsoListParagraph" not in classes:
            current = None
            continue
        previous = paragraph.find_previous_sibling(True)
        if current is None or previous is not current:
            current = soup.new_tag("ul")
            paragraph.insert_before(current)
        item = soup.new_tag("li")
        for child in list(paragraph.contents):
            item.append(child.extract())
        paragraph.decompose()
        current.append(item)


def _styled_emphasis(soup) -> None:
    """Bold and italic given by style (Google Docs, LibreOffice) -> <strong>, <em>;
    a <b> that says font-weight:normal (Google Docs' wrapper of every paste) is not bold."""
    for tag in soup.find_all(["b", "strong"]):
        if _NORMAL_WEIGHT.search(tag.get("style") or ""):
            tag.unwrap()
    for span in soup.find_all("span"):
        style = span.get("style") or ""
        if not span.get_text(strip=True):
            continue
        if _ITALIC_STYLE.search(style):
            span.wrap(soup.new_tag("em"))
        if _BOLD_WEIGHT.search(style) and not span.find_parent(["b", "strong", "h1", "h2", "h3",
                                                                 "h4", "h5", "h6", "th"]):
            span.wrap(soup.new_tag("strong"))


def _images(soup, image: ImageHandler | None) -> None:
    for img in soup.find_all("img"):
        src = (img.get("src") or "").strip()
        alt = " ".join((img.get("alt") or "").split())
        if image is not None:
            target = image(src, alt)
        else:
            target = src if src.lower().startswith(("http://", "https://")) else None
        if target is None:
            img.decompose()
            continue
        img.attrs = {"src": target, "alt": alt.replace("[", "(").replace("]", ")")}


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ").translate(_INVISIBLE)
    lines = []
    for line in text.split("\n"):
        # two trailing spaces are a hard line break (<br>): keep those, drop the rest
        kept = line.rstrip()
        lines.append(kept + "  " if line.endswith("  ") and kept else kept)
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines))
    return text.strip("\n")


def _converter_class():
    from markdownify import ATX, MarkdownConverter

    class Converter(MarkdownConverter):
        """markdownify with the house style: ATX headings, "-" bullets, "*" emphasis."""

        class Options(MarkdownConverter.DefaultOptions):
            heading_style = ATX
            bullets = "-"
            strong_em_symbol = "*"
            escape_misc = False
            autolinks = True
            keep_inline_images_in = ["a", "td", "th", "li", "p", "span", "strong", "em", "b", "i"]

        def convert_div(self, el, text, parent_tags):
            # Web pages wrap paragraphs in divs; a div of inline text is a paragraph.
            if "_inline" in parent_tags:
                return " " + text.strip() + " "
            text = text.strip()
            return f"\n\n{text}\n\n" if text else ""

        def convert_span(self, el, text, parent_tags):
            return text

        def convert_img(self, el, text, parent_tags):
            alt = el.attrs.get("alt", "") or ""
            src = el.attrs.get("src", "") or ""
            return f"![{alt}]({src})" if src else ""

    return Converter


_converter = None


def _Converter():  # noqa: N802 - reads like the class it builds once
    global _converter
    if _converter is None:
        _converter = _converter_class()
    return _converter()


def mark_questions(markdown: str) -> tuple[str, int]:
    """Interview questions set in bold become ``Q:`` paragraphs; returns (text, how many).

    Word interviews print each question as a bold paragraph. A bold paragraph ending
    in "?" is a question; once two such are found, every whole-bold paragraph of more
    than three words after the first question is one too ("Tell us about the forum.").
    """
    paragraphs = markdown.split("\n\n")
    bold = [_BOLD_PARAGRAPH.match(p.strip()) for p in paragraphs]
    asked = [i for i, m in enumerate(bold)
             if m is not None and _QUESTION_END.search(m.group("text").strip())]
    if not asked:
        return markdown, 0
    questions = set(asked)
    if len(asked) >= 2:
        questions |= {i for i, m in enumerate(bold)
                      if m is not None and i > asked[0] and len(m.group("text").split()) > 3}
    for i in questions:
        paragraphs[i] = "Q: " + bold[i].group("text").strip()
    return "\n\n".join(paragraphs), len(questions)
