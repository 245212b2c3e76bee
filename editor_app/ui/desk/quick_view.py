"""The preview's quick view: the renderer's page in Qt's rich text, for the first moments (#20).

Chromium takes most of a second to start; until it has, the PreviewPane shows the
same page (the one renderer's HTML and the one stylesheet, byline.css) in a
QTextBrowser. Qt's rich text reads CSS 2 without custom properties or ``rem``, so
the stylesheet is given to it resolved: ``var(--x)`` replaced by the light theme's
value (the dark one when the window is dark), ``rem`` by pixels and unitless
line heights by percentages of the font's line spacing. Rules Qt does not know (``max-width``, ``clamp()``,
logical properties) are skipped by Qt; the text, headings, questions and answers,
emphasis, lists, links and the colours are as in the web view.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtWidgets import QTextBrowser

ROOT_PX = 16  # 1rem in the web view (Chromium's default font size)
PAGE_MARGIN_PX = 20  # byline.css: body padding 1.25rem at the sides
QT_LINE_SPACING = 1.17  # a serif font's line spacing in its size (DejaVu Serif: 1.16)

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_ROOT_BLOCK = re.compile(r":root\s*\{(.*?)\}", re.S)
_MEDIA_BLOCK = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.S)
_VARIABLE = re.compile(r"--([\w-]+)\s*:\s*([^;]+);")
_USE = re.compile(r"var\(--([\w-]+)\)")
_REM = re.compile(r"(\d*\.?\d+)rem\b")
_LINE_HEIGHT = re.compile(r"line-height:\s*(\d*\.?\d+)\s*;")


class QuickView(QTextBrowser):
    """A read-only page in rich text; links are handed to ``link_clicked`` handlers."""

    def __init__(self, placeholder: str, parent=None):
        super().__init__(parent)
        self.setObjectName("quickPreview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText(placeholder)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.dark = False
        self.set_dark(False)

    def set_dark(self, dark: bool) -> None:
        self.dark = bool(dark)
        paper, text = ("#1b1a18", "#e8e4dc") if self.dark else ("#fdfcf9", "#1d1d1b")
        self.setStyleSheet(f"QTextBrowser#quickPreview {{ background: {paper}; color: {text}; }}")

    def set_page(self, page: str) -> None:
        """Show a page of render_standalone_page, its stylesheet made readable to Qt."""
        self.setHtml(rich_text_page(page, dark=self.dark))
        self.document().setDocumentMargin(PAGE_MARGIN_PX)  # the page's own padding

    def top_text(self) -> str:
        """The start of the paragraph at the top of the view (where the reader is)."""
        # Walked block by block: Qt lays a new page out lazily, and a hit test right
        # after setHtml (the whole page replacing its first screen) finds the wrong
        # block; asking each block's rectangle lays the page out down to the top.
        top = self.verticalScrollBar().value()
        layout = self.document().documentLayout()
        block = self.document().begin()
        while block.isValid() and block.next().isValid() \
                and layout.blockBoundingRect(block).bottom() <= top:
            block = block.next()
        return " ".join(block.text().split())[:80]


def rich_text_page(page: str, *, dark: bool = False) -> str:
    """``page`` with its <style> resolved for Qt's rich text (see the module docstring)."""
    match = _STYLE.search(page)
    if match is None:
        return page
    css = _resolved_stylesheet(match.group(1), dark)
    return page[:match.start(1)] + css + page[match.end(1):]


@functools.lru_cache(maxsize=4)
def _resolved_stylesheet(css: str, dark: bool) -> str:
    media = [match.group(0) for match in _MEDIA_BLOCK.finditer(css)]
    css = _MEDIA_BLOCK.sub("", css)  # print and narrow-screen rules are not for this view
    variables: dict[str, str] = {}
    for block in _ROOT_BLOCK.findall(css):
        variables.update(_VARIABLE.findall(block))
    if dark:
        for rules in media:
            if "prefers-color-scheme: dark" in rules:
                for block in _ROOT_BLOCK.findall(rules):
                    variables.update(_VARIABLE.findall(block))
    css = _ROOT_BLOCK.sub("", css)
    for _ in range(3):  # variables that name variables
        css = _USE.sub(lambda m: " ".join(variables.get(m.group(1), "").split()), css)
    css = _REM.sub(lambda m: f"{float(m.group(1)) * ROOT_PX:g}px", css)
    # CSS multiplies the font size, Qt the font's own line spacing (about 1.17 of it)
    return _LINE_HEIGHT.sub(
        lambda m: f"line-height: {round(float(m.group(1)) / QT_LINE_SPACING * 100)}%;", css)
