"""Tag suggestions and related-news scoring (tags + SQLite FTS5 bm25).

Pure Python over the Library's public methods; the SQL lives in
editor_app/core/library/similarity.py and topic_space.py.
"""

from editor_app.core.related.block import related_news_items
from editor_app.core.related.scoring import RelatedSuggestion, suggest_related, tag_weight
from editor_app.core.related.tagging import TagSuggestion, suggest_tags, tag_articles
from editor_app.core.related.terms import Term, characteristic_terms

__all__ = ["related_news_items", "RelatedSuggestion", "suggest_related", "tag_weight", "TagSuggestion",
           "suggest_tags", "tag_articles", "Term", "characteristic_terms"]
