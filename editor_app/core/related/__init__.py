"""Tag suggestions and related-news scoring (tags + SQLite FTS5 bm25).

Pure Python over the Library's public methods; the SQL lives in
editor_app/core/library/similarity.py and topic_space.py.

Names are imported on first use (PEP 562): the preview needs only the "Related
news" block, not the scoring, when an article opens (#20).
"""

import importlib

_WHERE = {
    "related_news_items": "block",
    "RelatedSuggestion": "scoring", "suggest_related": "scoring", "tag_weight": "scoring",
    "TagSuggestion": "tagging", "suggest_tags": "tagging", "tag_articles": "tagging",
    "Term": "terms", "characteristic_terms": "terms",
}

__all__ = ["related_news_items", "RelatedSuggestion", "suggest_related", "tag_weight", "TagSuggestion",
           "suggest_tags", "tag_articles", "Term", "characteristic_terms"]


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_WHERE))
