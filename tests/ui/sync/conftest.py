"""Fixtures of the hand-off GUI tests (#14): two laptops' libraries in a temporary folder and
windows on them (real libraries, real files, real widgets offscreen)."""

from __future__ import annotations

import pytest

from editor_app.core.library import Library
from tests.sync_support import hand_over, new_interview, same_article


@pytest.fixture
def laptops(tmp_path):
    """Rasa's library (a reporter) and Tomas's (an editor), the interview already handed over."""
    rasa = Library.open(tmp_path / "rasa.byline")
    tomas = Library.open(tmp_path / "tomas.byline")
    rasa.set_setting("user.name", "Rasa")
    tomas.set_setting("user.name", "Tomas")
    tomas.set_setting("user.role", "editor")
    story = new_interview(rasa)
    hand_over(rasa, tomas, [story.id], tmp_path / "first.byline")
    yield rasa, tomas, story.id, same_article(rasa, tomas, story), tmp_path
    rasa.close()
    tomas.close()


def edit(lib, aid, old, new, **fields):
    """Change one passage of an article's text, as typing and an autosave would."""
    body = lib.get_article(aid).body
    assert old in body
    return lib.update_article(aid, body=body.replace(old, new), revision_reason="edit", **fields)


def conflict_in_two_passages(rasa, tomas, rid, tid, tmp_path):
    """Both laptops change the first and the last answer differently; Tomas's version comes to
    Rasa's library, where the article is then in conflict in two separate passages."""
    edit(rasa, rid, "Three, and a photographer on Saturdays.", "Three, plus a photographer on Saturdays.")
    edit(rasa, rid, "If the readers keep paying, yes.", "If readers keep paying, yes.")
    edit(tomas, tid, "Three, and a photographer on Saturdays.", "Three reporters and a photographer.")
    edit(tomas, tid, "If the readers keep paying, yes.", "If the readers keep paying, certainly.")
    summary = hand_over(tomas, rasa, [tid], tmp_path / "back.byline")
    assert [a.id for a in summary.conflicts] == [rid]
