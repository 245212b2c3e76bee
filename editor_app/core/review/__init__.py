"""Editorial review: the workflow with its pre-flight gate, anchored comments, history diffs.

Pure Python (no Qt). The SQL it needs is in ``editor_app.core.library``
(``review.py``, ``comments.py`` and ``revisions.py``); this package holds the rules.
"""

from editor_app.core.lazy import lazy_attributes

# ``preflight`` is a module and its function: bound here, before the module could be
# imported on its own and take the name.
from editor_app.core.review.preflight import CheckItem, PreflightResult, Spot, preflight

# Each other name and the module that defines it, imported on first use (PEP 562):
# the window's autosave needs only ``edit_refusal``, and the window paints before the
# diff and anchoring modules are loaded (#20).
_WHERE = {
    "Anchor": "anchoring", "anchor_comments": "anchoring", "anchor_list": "anchoring",
    "comment_threads": "anchoring", "locate": "anchoring", "reanchor_comments": "anchoring",
    "edit_refusal": "corrections", "reopen_for_correction": "corrections",
    "DiffOp": "diff", "diff_stats": "diff", "diff_to_html": "diff", "diff_to_text": "diff",
    "word_diff": "diff",
    "available_moves": "workflow", "change_status": "workflow", "current_role": "workflow",
    "current_user": "workflow", "gate_export": "workflow", "is_gated": "workflow",
}

__getattr__, __dir__ = lazy_attributes(__name__, globals(), _WHERE)

__all__ = [
    "Anchor", "anchor_comments", "anchor_list", "comment_threads", "locate", "reanchor_comments",
    "DiffOp", "diff_stats", "diff_to_html", "diff_to_text", "word_diff",
    "CheckItem", "PreflightResult", "Spot", "preflight",
    "available_moves", "change_status", "current_role", "current_user", "gate_export", "is_gated",
    "edit_refusal", "reopen_for_correction",
]
