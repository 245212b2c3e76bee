"""Helpers shared by the render tests: the active-content checker, the vectors, Wikinews text."""

from __future__ import annotations

import json
import re

import html5lib

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "form", "base", "meta", "frame", "frameset",
    "applet", "link", "style", "svg", "math", "input", "button", "textarea", "select",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "srcset", "poster", "background",
    "xlink:href", "codebase", "cite", "longdesc", "dynsrc", "lowsrc",
}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def active_content(html: str, *, document: bool = False, allowed_scripts: int = 0) -> list[str]:
    """Problems found in ``html`` by a real HTML5 parser; [] when nothing can run."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(html) if document else parser.parseFragment(html)
    problems = []
    scripts = 0
    if document:
        # The page's own <head> (charset, CSP, stylesheet) is checked by head_tags().
        tree = tree.find("body")
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.split("}")[-1].lower()
        if tag == "script" and element.get("type") == "application/ld+json":
            scripts += 1
            continue
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = str(name).split("}")[-1].lower()
            if name.startswith("on"):
                problems.append(f"{tag}[{name}]")
            if name == "style":
                problems.append(f"{tag}[style]")
            if name in URL_ATTRIBUTES:
                compact = _CONTROL.sub("", str(value)).lower()
                if compact.startswith(("javascript:", "vbscript:", "data:")):
                    problems.append(f"{tag}[{name}]={value[:40]!r}")
    if scripts > allowed_scripts:
        problems.append("extra ld+json script")
    return problems


def load_vectors(shared_data) -> list[str]:
    path = shared_data / "xss" / "vectors.jsonl"
    return [
        json.loads(line)["vector"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


_SPEAKER = re.compile(r"^\(\(([^()]{1,60})\)\)\s*")


def wikinews_to_markdown(text: str) -> str:
    """Wikinews interview text -> Byline markdown: ((WN)) paragraphs become Q:, speakers A:."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        match = _SPEAKER.match(paragraph)
        if match:
            speaker, rest = match.group(1), paragraph[match.end() :]
            prefix = "Q: " if speaker.strip().lower() in ("wn", "wikinews") else "A: "
            paragraph = prefix + rest
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def load_wikinews(shared_data) -> list[dict]:
    path = shared_data / "wikinews" / "wikinews_2019_2020.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def head_tags(page: str) -> list[tuple[str, tuple]]:
    """Tags and attribute names in a page's <head>, to compare with a benign page."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page)
    return [(e.tag, tuple(sorted(e.attrib))) for e in tree.find("head").iter()]
