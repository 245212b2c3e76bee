"""The desk, export, related-news and editorial panels in Lithuanian (#18 item 4).

The translation is built from resources/translations/desk_lt.ts with pyside6-lrelease and
installed for the test only; the widgets are real, and what a user would read (labels,
placeholders, tooltips, screen-reader names, headers, titles) must not be English.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "desk_lt.ts"
SOURCES = sorted([*ROOT.glob("editor_app/ui/desk/*.py"), *ROOT.glob("editor_app/ui/export/*.py"),
                  *ROOT.glob("editor_app/ui/related/*.py"), ROOT / "editor_app/ui/editorial_panels.py"])


def _tool(name: str) -> str | None:
    beside = pathlib.Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def _messages(path: pathlib.Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")
            if message.find("translation").get("type") not in ("vanished", "obsolete")}


def test_every_string_of_the_area_is_in_the_ts_and_translated(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *map(str, SOURCES), "-ts", str(fresh)], check=True,
                   capture_output=True)
    wanted, have = _messages(fresh), _messages(TS)
    assert sorted(set(wanted) - set(have)) == []  # run lupdate and translate the new ones
    for key, message in have.items():
        translation = message.find("translation")
        assert translation.get("type") != "unfinished", key
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(form and form.strip() for form in forms), key



def _english_sources() -> set[str]:
    """The English texts whose Lithuanian differs (a few, such as "{status}.", are the same)."""
    english = set()
    for (_context, source), message in _messages(TS).items():
        translation = message.find("translation")
        if translation.text != source and "%n" not in source:
            english.add(source)
    return english


def _visible_texts(root) -> list[str]:
    from PySide6.QtWidgets import QTableWidget, QTreeWidget, QWidget

    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "placeholderText", "toolTip", "accessibleName", "windowTitle",
                       "title"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    value = value()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    found.append(value)
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found += [header.text(i) for i in range(header.columnCount())]
        if isinstance(widget, QTableWidget):
            found += [widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())]
    return found


def test_the_widgets_show_no_english_with_the_lithuanian_translation(
        qtbot, library, signals, lithuanian):
    from editor_app.core.models import Article
    from editor_app.ui.desk.editor import MarkdownEditor
    from editor_app.ui.desk.find_replace import FindReplaceBar
    from editor_app.ui.desk.metadata_panel import MetadataPanel
    from editor_app.ui.export.export_dialog import ExportDialog
    from editor_app.ui.related.related_panel import RelatedPanel
    from editor_app.ui.related.tag_editor import BulkTagDialog, TagEditor
    from editor_app.ui.related.vocabulary_dialog import VocabularyDialog

    first = library.create_article(Article(title="Uostas", body="Keltas grįžta.\n",
                                           tags=["uostas"], language="lt"))
    second = library.create_article(Article(title="Keltas", body="Keltas.\n", language="lt"))
    metadata = MetadataPanel()
    metadata.set_article(first)
    editor = MarkdownEditor()
    editor.setPlainText("keltas keltas")
    bar = FindReplaceBar(editor)
    bar.open_find(replace=True)
    bar.find_box.setText("keltas")
    bar.highlight_matches()
    tags = TagEditor(library, signals)
    tags.set_article(first.id)
    related = RelatedPanel(library, signals)
    related.set_article(first.id)
    widgets = [metadata, bar, tags, related, ExportDialog(library, [first.id, second.id]),
               VocabularyDialog(library, signals), BulkTagDialog(library, signals, [first.id])]
    for widget in widgets:
        qtbot.addWidget(widget)
    english = _english_sources()
    shown = [text for widget in widgets for text in _visible_texts(widget)]
    assert [text for text in shown if text in english] == []
    assert bar.count_label.text() == "2 atitikmenys"
    assert {"Antraštė", "Žymių žodynas", "Bus eksportuoti 2 straipsniai"} <= set(shown)
    related.shutdown()
    tags.shutdown()
