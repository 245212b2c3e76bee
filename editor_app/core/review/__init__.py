"""Editorial review: the workflow with its pre-flight gate, anchored comments, history diffs.

Pure Python (no Qt). The SQL it needs is in ``editor_app.core.library``
(``review.py``, ``comments.py`` and ``revisions.py``); this package holds the rules.
"""

from editor_app.core.review.anchoring import (
    Anchor,
    anchor_comments,
    anchor_list,
    comment_threads,
    locate,
    reanchor_comments,
)
from editor_app.core.review.corrections import edit_refusal, reopen_for_correction
from editor_app.core.review.diff import DiffOp, diff_stats, diff_to_html, diff_to_text, word_diff
from editor_app.core.review.preflight import CheckItem, PreflightResult, Spot, preflight
from editor_app.core.review.workflow import (
    available_moves,
    change_status,
    current_role,
    current_user,
    gate_export,
    is_gated,
)

__all__ = [
    "Anchor", "anchor_comments", "anchor_list", "comment_threads", "locate", "reanchor_comments",
    "DiffOp", "diff_stats", "diff_to_html", "diff_to_text", "word_diff",
    "CheckItem", "PreflightResult", "Spot", "preflight",
    "available_moves", "change_status", "current_role", "current_user", "gate_export", "is_gated",
    "edit_refusal", "reopen_for_correction",
]
