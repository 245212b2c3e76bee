"""A very long text opens at once and is highlighted in the background, completely."""

from editor_app.ui.desk.editor import LONG_TEXT_LINES, MarkdownEditor


def question_colour(editor, block_number):
    block = editor.document().findBlockByNumber(block_number)
    formats = block.layout().formats()
    return [f.format.foreground().color().name() for f in formats]


def test_long_text_is_highlighted_in_steps_to_the_end(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    lines = ["Q: Is this a question?", ""] * (LONG_TEXT_LINES + 500)
    editor.set_text("\n".join(lines))
    last = editor.document().blockCount() - 2
    assert question_colour(editor, 0)  # the first screen is highlighted at once
    assert editor.highlighter.limit_block is not None
    assert question_colour(editor, last) == []  # the end is still plain
    qtbot.waitUntil(lambda: editor.highlighter.limit_block is None, timeout=20000)
    assert question_colour(editor, last) == question_colour(editor, 0)


def test_short_text_is_highlighted_at_once(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text("Q: Short?\n\nA: Yes.")
    assert editor.highlighter.limit_block is None
    assert question_colour(editor, 0)
