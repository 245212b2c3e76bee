"""Spell-check in the editor: underlines, context menu, F7, per-article switch, stale results."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.library import Library
from editor_app.core.models import Article
from editor_app.core.spelling import SpellingUnavailable
from editor_app.ui.desk.selection_layers import SelectionLayers
from editor_app.ui.spelling import spelling_service
from editor_app.ui.spelling.spelling_controller import SpellController

BODY = "Lede paragraph with a mispelled word.\n\nAnother paragraph here."


@pytest.fixture
def article(library):
    return library.create_article(Article(title="Test story", body=BODY, language="en"))


def make_editor(qtbot, text, cls=QPlainTextEdit):
    editor = cls()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.setPlainText(text)
    editor.show()
    return editor


def attach(qtbot, editor, library, article_id, service, **kw):
    controller = SpellController(editor, library, article_id, "en", (), "Test story",
                                 service=service, **kw)
    wait_idle(qtbot, controller)
    return controller


def wait_idle(qtbot, controller, timeout=10000):
    """Until no job is on the worker and no edit waits to be checked."""
    def idle():
        controller.recheck_now()  # edits waiting for the typing pause go now
        return controller.is_idle()

    qtbot.waitUntil(idle, timeout=timeout)


def spelling_selections(editor):
    layers = getattr(editor, "_selection_layers", None)
    if isinstance(layers, dict):
        return list(layers.get("spelling", ()))
    return SelectionLayers.of(editor).layer("spelling")


def underlined_words(editor):
    words = []
    for selection in spelling_selections(editor):
        assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        words.append(selection.cursor.selectedText())
    return words


def point_at(editor, offset):
    cursor = QTextCursor(editor.document())
    cursor.setPosition(offset)
    rect = editor.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())


def menu_action(menu, text):
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def test_misspelled_word_gets_red_wavy_underline(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    assert underlined_words(editor) == ["mispelled"]
    selection = spelling_selections(editor)[0]
    assert selection.format.underlineColor().name() == "#ff0000"
    assert [i.word for i in controller.issues()] == ["mispelled"]


def test_works_with_the_markdown_editor_layers(qtbot, library, article, service):
    from editor_app.ui.desk.editor import MarkdownEditor

    editor = make_editor(qtbot, BODY, MarkdownEditor)
    attach(qtbot, editor, library, article.id, service)
    assert underlined_words(editor) == ["mispelled"]


def test_code_urls_and_link_targets_are_never_underlined(qtbot, library, article, service):
    text = ("Plain wrongg word.\n\nInline `codde spann` and https://exampel.org/pathh "
            "and [a link](https://exampel.com/xyzzyq \"tittle\") and mail reportr@exampel.com.\n\n"
            "```\nfencedd cody\n```\n")
    editor = make_editor(qtbot, text)
    attach(qtbot, editor, library, article.id, service)
    assert underlined_words(editor) == ["wrongg"]


def test_typing_a_typo_gets_underlined_after_the_pause(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Wrods fail.")
    wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: "Wrods" in underlined_words(editor))
    assert controller.text() == editor.toPlainText()
    # offsets follow the edits: the underline still covers exactly the word
    assert sorted(underlined_words(editor)) == ["Wrods", "mispelled"]


def test_suggestion_replaces_word_in_one_undo_step(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    offset = BODY.index("mispelled") + 2
    if not service.suggestions_ready("en"):
        # before the index is built the menu must not wait for it
        menu = controller.build_context_menu(point_at(editor, offset))
        assert "(suggestions are still loading)" in [a.text() for a in menu.actions()]
    qtbot.waitUntil(lambda: service.suggestions_ready("en"), timeout=60000)
    menu = controller.build_context_menu(point_at(editor, offset))
    texts = [a.text() for a in menu.actions()]
    assert "misspelled" in texts
    suggestions = texts[: texts.index("Add to my dictionary")]
    assert 1 <= len([t for t in suggestions if t]) <= 5
    menu_action(menu, "misspelled").trigger()
    assert "a misspelled word" in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == BODY


def test_add_to_newsroom_persists_and_is_exported(qtbot, library, article, service, tmp_path):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    menu = controller.build_context_menu(point_at(editor, BODY.index("mispelled") + 1))
    menu_action(menu, "Add to newsroom dictionary").trigger()
    assert controller.issues() == []
    assert underlined_words(editor) == []
    path = library.path
    library.close()
    with Library.open(path) as reopened:
        assert "mispelled" in reopened.dictionary_words("newsroom")
        out = tmp_path / "newsroom.txt"
        service.dictionaries(reopened, None).export_words(out, "newsroom")
        assert out.read_text(encoding="utf-8").splitlines() == ["mispelled"]
        # another article opened later does not flag it either
        other = reopened.create_article(Article(title="Other", body="The mispelled word."))
        editor2 = make_editor(qtbot, "The mispelled word.")
        attach(qtbot, editor2, reopened, other.id, service)
        assert underlined_words(editor2) == []


def test_add_to_my_dictionary_writes_the_personal_file(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    menu = controller.build_context_menu(point_at(editor, BODY.index("mispelled") + 1))
    menu_action(menu, "Add to my dictionary").trigger()
    assert service.personal_path.read_text(encoding="utf-8").split() == ["mispelled"]
    assert controller.issues() == []


def test_ignore_in_this_article_only_affects_that_article(qtbot, library, article, service):
    other = library.create_article(Article(title="Other", body=BODY))
    editor1, editor2 = make_editor(qtbot, BODY), make_editor(qtbot, BODY)
    first = attach(qtbot, editor1, library, article.id, service)
    second = attach(qtbot, editor2, library, other.id, service)
    menu = first.build_context_menu(point_at(editor1, BODY.index("mispelled") + 1))
    menu_action(menu, "Ignore in this article").trigger()
    assert first.issues() == []
    assert [i.word for i in second.issues()] == ["mispelled"]
    assert library.dictionary_words(f"article:{article.id}") == {"mispelled"}
    assert "mispelled" not in library.dictionary_words("newsroom")
    # a newsroom word, by contrast, reaches every open article at once
    second.add_word("mispelled", "newsroom")
    assert second.issues() == []


def test_remove_repeated_word(qtbot, library, article, service):
    text = "We went to the the market."
    editor = make_editor(qtbot, text)
    controller = attach(qtbot, editor, library, article.id, service)
    [issue] = controller.issues()
    assert issue.kind == "repeat"
    menu = controller.build_context_menu(point_at(editor, issue.start + 1))
    menu_action(menu, "Remove repeated “the”").trigger()
    assert editor.toPlainText() == "We went to the market."
    wait_idle(qtbot, controller)
    assert controller.issues() == []


def test_f7_moves_to_the_next_issue_and_wraps(qtbot, library, article, service):
    text = "Frist wrod here.\n\nA thrid one."
    editor = make_editor(qtbot, text)
    controller = attach(qtbot, editor, library, article.id, service)
    assert [i.word for i in controller.issues()] == ["Frist", "wrod", "thrid"]
    editor.setFocus()
    editor.activateWindow()
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    cursor.setPosition(text.index("wrod") + 1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    assert editor.textCursor().selectedText() == "thrid"
    qtbot.keyClick(editor, Qt.Key.Key_F7)  # wraps to the start
    assert editor.textCursor().selectedText() == "Frist"
    controller.next_issue()
    assert editor.textCursor().selectedText() == "wrod"


def test_stale_results_are_dropped(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    answered = []  # the generation each recheck was computed for
    controller.passes.recheck_done.connect(lambda generation, *_: answered.append(generation))
    end = len(BODY)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(end)
    cursor.insertText(" Firstt")
    controller.recheck_now()  # generation g goes to the worker ...
    assert controller.passes.busy
    stale_generation = controller.generation
    cursor.insertText(" secondd")  # ... and the text changes before its answer is read
    wait_idle(qtbot, controller)
    assert controller.stale_dropped >= 1
    assert answered[0] == stale_generation and len(answered) >= 2
    assert answered[-1] == controller.generation
    assert [i.word for i in controller.issues()] == ["mispelled", "Firstt", "secondd"]
    for issue in controller.issues():
        assert editor.toPlainText()[issue.start:issue.end] == issue.word


def test_edits_during_the_first_pass_are_mapped(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = SpellController(editor, library, article.id, "en", (), "", service=service)
    cursor = QTextCursor(editor.document())
    cursor.insertText("Typed befor the pass ended. ")  # while the full pass runs
    wait_idle(qtbot, controller)
    text = editor.toPlainText()
    assert sorted(i.word for i in controller.issues()) == ["befor", "mispelled"]
    for issue in controller.issues():
        assert text[issue.start:issue.end] == issue.word


def test_missing_dictionary_switches_off_with_message(qtbot, library, article, service, monkeypatch):
    def broken(*_a, **_k):
        raise SpellingUnavailable("spelling dictionary for 'en' is missing; spell-check is off")

    import editor_app.core.spelling.checker as core_checker

    # the dictionary file cannot be read: every way of loading a language fails
    monkeypatch.setattr(core_checker, "load_language", broken)
    monkeypatch.setattr(spelling_service, "load_language", broken)
    editor = make_editor(qtbot, BODY)
    messages = []
    controller = SpellController(editor, library, article.id, "en", (), "", service=service)
    controller.unavailable.connect(messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "missing" in messages[0]
    assert not controller.enabled and not controller.toggle_action.isChecked()
    assert underlined_words(editor) == []
    editor.setFocus()
    qtbot.keyClicks(editor, "still typing ")
    assert editor.toPlainText().startswith("still typing ")
    # the machine's problem is not the article's preference
    assert library.get_article(article.id).spellcheck is True


def test_toggle_action_is_stored_per_article(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    assert controller.toggle_action.isChecked()
    controller.toggle_action.trigger()
    assert not controller.enabled and controller.issues() == []
    assert underlined_words(editor) == []
    assert library.get_article(article.id).spellcheck is False
    editor2 = make_editor(qtbot, BODY)
    reopened = attach(qtbot, editor2, library, article.id, service)
    assert not reopened.enabled and underlined_words(editor2) == []
    reopened.toggle_action.trigger()
    wait_idle(qtbot, reopened)
    assert underlined_words(editor2) == ["mispelled"]
    assert library.get_article(article.id).spellcheck is True


def test_only_the_visible_part_is_underlined(qtbot, library, article, service):
    paragraph = "Some text with a mistaek in it and more ordinary words around it.\n\n"
    text = paragraph * 400
    editor = make_editor(qtbot, text)
    controller = attach(qtbot, editor, library, article.id, service)
    assert len(controller.issues()) == 400
    drawn = len(spelling_selections(editor))
    assert 0 < drawn < 100
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    last = controller.issues()[-1]
    starts = [s.cursor.selectionStart() for s in spelling_selections(editor)]
    assert last.start in starts


def test_issues_changed_is_emitted(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = SpellController(editor, library, article.id, "en", (), "", service=service)
    with qtbot.waitSignal(controller.issues_changed, timeout=5000) as blocker:
        pass
    assert [i.word for i in blocker.args[0]] == ["mispelled"]


def test_fixing_a_typo_by_typing_removes_its_underline(qtbot, library, article, service):
    editor = make_editor(qtbot, BODY)
    controller = attach(qtbot, editor, library, article.id, service)
    cursor = editor.textCursor()
    cursor.setPosition(BODY.index("mispelled") + 3)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "s")  # mis|pelled -> miss|pelled
    wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: underlined_words(editor) == [])
    assert controller.issues() == []
    # and typing a correct word elsewhere leaves the issue list as it was
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Fine")
    wait_idle(qtbot, controller)
    assert controller.issues() == []


def test_text_copy_follows_random_edits_undo_and_redo(qtbot, library, article, service):
    rng = random.Random(7)
    text = "".join(rng.choice(["word ", "Zed ", "\n", "\n\n", "é ", "“q” "]) for _ in range(400))
    editor = make_editor(qtbot, text)
    controller = attach(qtbot, editor, library, article.id, service)
    for step in range(150):
        cursor = QTextCursor(editor.document())
        length = editor.document().characterCount() - 1
        start = rng.randint(0, length)
        cursor.setPosition(start)
        cursor.setPosition(min(length, start + rng.choice([0, 0, 1, 5, 30])),
                           QTextCursor.MoveMode.KeepAnchor)
        action = rng.random()
        if action < 0.15:
            editor.undo()
        elif action < 0.2:
            editor.redo()
        else:
            cursor.insertText(rng.choice(["", "a", "teh ", "\n", "x\n\ny", "wrold\u2029z"]))
        if step % 7 == 0:
            assert controller.text() == editor.toPlainText()
    assert controller.text() == editor.toPlainText()
    assert controller.resyncs == 0
    wait_idle(qtbot, controller)
    final = editor.toPlainText()
    for issue in controller.issues():
        assert final[issue.start:issue.end] == issue.word
    # the incremental bookkeeping ends where a fresh pass over the final text would
    expected = controller.checker.check(final, names=controller.proven_names)
    assert [(i.kind, i.word, i.start) for i in controller.issues()] == \
        [(i.kind, i.word, i.start) for i in expected]


def test_metadata_names_count_as_known_and_follow_changes(qtbot, library, article, service):
    text = "We met Qwertzu at the station."
    editor = make_editor(qtbot, text)
    controller = attach(qtbot, editor, library, article.id, service)
    assert [i.word for i in controller.issues()] == ["Qwertzu"]
    controller.set_metadata(metadata_names={"Dr. Anna Qwertzu"})  # the interviewee field
    wait_idle(qtbot, controller)
    assert controller.issues() == []


def test_a_full_pass_leaves_the_next_session_its_lookup_cache(qtbot, library, article, service, tmp_path):
    """#18: the worker writes what the dictionaries said after a full pass, so the next
    session's first pass does not ask hunspell about the same words again."""
    from editor_app.core.spelling import use_lookup_cache_folder

    cache = tmp_path / "lookup-cache"
    use_lookup_cache_folder(cache)
    try:
        editor = make_editor(qtbot, BODY)
        controller = attach(qtbot, editor, library, article.id, service)
        assert underlined_words(editor) == ["mispelled"]
        qtbot.waitUntil(lambda: any(cache.glob("lookups-en-*.bin")), timeout=10000)
        controller.close()
        use_lookup_cache_folder(cache)  # a new session
        from editor_app.core.spelling import SpellChecker

        assert SpellChecker("en")._stored.known("mispelled") is False
    finally:
        use_lookup_cache_folder(True)
