"""Python-Markdown extensions for the newsroom: fact boxes and interview paragraphs.

Both work on one top-level block at a time; which paragraphs are *answers* depends
on earlier blocks and is decided later, when blocks are assembled (assemble.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.treeprocessors import Treeprocessor

from editor_app.core.render.smartquotes import SmartQuotesExtension

# Our aside borrows admonition parsing (indented body, nesting in lists) under its own
# class name, so a user's own "!!! note" stays plain text and cannot become a box.
_ASIDE_CLASS = "byline-aside-box"
_QUESTION_RE = re.compile(r"\s*Q:\s*")
_ANSWER_RE = re.compile(r"\s*A:\s*")


class AsideProcessor(AdmonitionProcessor):
    """``!!! aside "Title"`` + indented body -> a box (converted by BylineTreeprocessor)."""

    CLASSNAME = _ASIDE_CLASS
    CLASSNAME_TITLE = _ASIDE_CLASS + "-title"
    RE = re.compile(r'(?:^|\n)!!! ?((?i:aside|factbox))(?: +"(.*?)")? *(?:\n|$)')

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        # No title given -> no heading; a box titled "Aside" would read oddly in print.
        return "aside", (match.group(2) or None)


def _strip_prefix(element: etree.Element, pattern: re.Pattern[str]) -> bool:
    """Remove a leading ``Q:``/``A:`` from a paragraph, also when typed as **Q:**."""
    text = element.text or ""
    match = pattern.match(text)
    if match:
        element.text = text[match.end() :]
        return True
    if not text.strip() and len(element) and element[0].tag in ("strong", "b", "em"):
        first = element[0]
        inner = first.text or ""
        match = pattern.match(inner)
        if match:
            first.text = inner[match.end() :]
            if not first.text and not len(first):
                element.remove(first)
                element.text = (text + (first.tail or "")).lstrip()
            return True
    return False


def _make_question(paragraph: etree.Element) -> None:
    strong = etree.Element("strong")
    strong.text = paragraph.text
    for child in list(paragraph):
        paragraph.remove(child)
        strong.append(child)
    paragraph.text = None
    paragraph.append(strong)
    paragraph.set("class", "question")


class BylineTreeprocessor(Treeprocessor):
    """Turn aside boxes into <aside class="factbox"> and mark Q:/A: paragraphs."""

    def __init__(self, md: markdown.Markdown, interview: bool):
        super().__init__(md)
        self.interview = interview

    def run(self, root: etree.Element) -> None:
        for element in root.iter("div"):
            if element.get("class", "").startswith(_ASIDE_CLASS):
                element.tag = "aside"
                element.set("class", "factbox")
                if len(element) and element[0].get("class") == AsideProcessor.CLASSNAME_TITLE:
                    element[0].tag = "h2"
                    del element[0].attrib["class"]
        if not self.interview:
            return
        for element in root:
            if element.tag != "p":
                continue
            if _strip_prefix(element, _QUESTION_RE):
                _make_question(element)
            elif _strip_prefix(element, _ANSWER_RE):
                element.set("class", "answer")


class BylineExtension(Extension):
    def __init__(self, *, interview: bool = False):
        self.interview = interview
        super().__init__()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(AsideProcessor(md.parser), "byline-aside", 105)
        # After smarty (6) so quotes are final, before unescape (0).
        md.treeprocessors.register(BylineTreeprocessor(md, self.interview), "byline", 5)


def make_markdown(*, interview: bool) -> markdown.Markdown:
    """The one Python-Markdown configuration used everywhere.

    Block-level raw HTML is switched off (html_block preprocessor): it swallows text
    across blank lines up to a closing tag, which would make every block depend on
    all earlier ones.  Inline HTML still passes through and is sanitized by nh3.
    """
    md = markdown.Markdown(
        extensions=[
            "tables",
            "footnotes",
            SmartQuotesExtension(),
            "attr_list",
            "fenced_code",
            BylineExtension(interview=interview),
        ],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    return md
