"""Revision reasons as the history shows them: core's stored English words, unknown ones
as stored (#18; the Lithuanian ones are checked by tests/ui/test_translation_lt.py)."""

import pytest

from editor_app.ui.review.revision_reasons import revision_reason


@pytest.mark.parametrize("stored", [
    "autosave", "close", "create", "new article", "kept before sending", "restore of revision 4",
    "status change: draft → submitted", "conflict resolved (by hand)",
    "conflict resolved (took theirs)", "conflict resolved (from alt.byline)",
    "typed by hand in 2031"])
def test_english_reasons_read_as_stored(qtbot, stored):
    assert revision_reason(stored) == stored


def test_a_status_change_names_the_statuses_as_the_gui_does(qtbot):
    assert revision_reason("status change: in_review → changes_requested") == \
        "status change: in review → changes requested"
