"""Tag suggestions and related-news scoring (tags + SQLite FTS5 bm25).

Pure Python over the Library's public methods; the SQL lives in
editor_app/core/library/similarity.py and topic_space.py.

Names are imported on first use (PEP 562): the preview needs only the "Related
news" block, not the scoring, when an article opens (#20).
"""

from editor_app.core.lazy import lazy_attributes

_WHERE = {
    "related_news_items": "block",
    "RelatedSuggestion": "scoring", "suggest_related": "scoring", "tag_weight": "scoring",
    "TagSuggestion": "tagging", "suggest_tags": "tagging", "tag_articles": "tagging",
    "Term": "terms", "characteristic_terms": "terms",
}

__all__ = ["related_news_items", "RelatedSuggestion", "suggest_related", "tag_weight", "TagSuggestion",
           "suggest_tags", "tag_articles", "Term", "characteristic_terms"]


__getattr__, __dir__ = lazy_attributes(__name__, globals(), _WHERE)
