"""Shared helpers of the writing-desk UI tests (article tabs, previews, windows)."""

from __future__ import annotations

from editor_app.core.models import Article, Kind

INTERVIEW_BODY = ("Lede paragraph about the forum.\n\n"
                  "Q: What is the forum for?\n\n"
                  "A: Small newsrooms can win if they share the work.\n\n"
                  "Q: And next year?\n\n"
                  "A: More of the same.")


def make_interview(library, **overrides) -> Article:
    values = dict(title="Forum interview", body=INTERVIEW_BODY, kind=Kind.INTERVIEW,
                  interviewee="Dr. Jane Roe", author="Sam Reporter", date="2024-05-02")
    values.update(overrides)
    return library.create_article(Article(**values))


def page_html(qtbot, preview) -> str:
    """The preview page's HTML, read back from the web view."""
    box: list[str] = []
    preview.page_html(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def wait_preview(qtbot, tab, timeout: int = 10000) -> None:
    """Wait until the preview shows the newest requested text."""
    qtbot.waitUntil(lambda: tab.preview.shown_generation >= tab.preview.generation
                    and tab.preview.is_idle(), timeout=timeout)


def wait_for_html(qtbot, preview, predicate, timeout: int = 10000) -> str:
    """Poll the page until ``predicate(html)`` holds; returns that HTML."""
    seen = {"html": ""}

    def check() -> bool:
        seen["html"] = page_html(qtbot, preview)
        return predicate(seen["html"])

    qtbot.waitUntil(check, timeout=timeout)
    return seen["html"]
