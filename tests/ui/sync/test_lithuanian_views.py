"""The review, spelling and sync views in Lithuanian (#18): the translation is complete and
consistent, and with it loaded the merge view speaks Lithuanian while every documented
shortcut (Alt+T/M/B/C/P/W) still works, whatever letters the translation underlines."""

from __future__ import annotations

import pathlib
import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from editor_app.core.sync.conflicts import Choice
from editor_app.ui.sync.merge_view import MergeView
from tests.ui.sync.conftest import conflict_in_two_passages

TS = pathlib.Path(__file__).resolve().parents[3] / "resources" / "translations" / "review_lt.ts"
WAIT_MS = 10_000


def _messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation, forms


def test_every_message_is_translated_with_its_placeholders_and_accelerator():
    messages = list(_messages())
    assert len(messages) > 300
    for context, source, translation, forms in messages:
        assert translation.get("type") is None, (context, source)  # unfinished, vanished…
        for text in forms:
            assert text.strip(), (context, source)
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), text
            assert ("%n" in text) == ("%n" in source), text
            assert ("&" in text) == ("&" in source), text  # an accelerator stays one



def test_merge_view_in_lithuanian_keeps_its_documented_keys(qtbot, laptops, lithuanian):
    rasa, tomas, rid, tid, tmp = laptops
    conflict_in_two_passages(rasa, tomas, rid, tid, tmp)
    view = MergeView(rasa, rid)
    qtbot.addWidget(view)
    view.confirm_discard = lambda: True
    view.resize(1300, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model is not None, timeout=WAIT_MS)
    assert view.theirs.caption.text().startswith("Jų variantas — ")
    assert view.hunk_list.item(0).text().endswith("— dar nepasirinkta")
    assert view.status.text() == "Liko pasirinkti: 2 iš 2 konfliktų."
    assert view.cancel_button.text() == "Atšaukti"
    view.activateWindow()
    qtbot.waitUntil(lambda: view.hunk_list.hasFocus() or view.isActiveWindow(), timeout=WAIT_MS)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_T, alt)  # take theirs: a shortcut of its own
    qtbot.waitUntil(lambda: view.model.hunks[0].choice == Choice.THEIRS, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_Down, alt)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_M, alt)  # take mine: "Imti &mano"
    qtbot.waitUntil(lambda: view.model.hunks[1].choice == Choice.MINE, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_B, alt)  # take both: "Imti a&bu"
    qtbot.waitUntil(lambda: view.model.hunks[1].choice == Choice.BOTH, timeout=WAIT_MS)
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_P, alt)
    assert view.passage.hasFocus()
    qtbot.keyClick(view.passage, Qt.Key.Key_C, alt)  # the list: "&Konfliktai", and Alt+C
    assert view.hunk_list.hasFocus()
    qtbot.keyClick(view.hunk_list, Qt.Key.Key_W, alt)
    assert view.whole.hasFocus()
    assert view.status.text().startswith("Visiems konfliktams pasirinkta")
