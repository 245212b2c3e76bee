"""The writing desk on a full disk: the text stays in the editor, the tab says it cannot
save, closing is refused, and the same tab saves by itself once space is back."""

from __future__ import annotations

from editor_app.core.library import Library
from editor_app.core.models import Article
from editor_app.ui.desk import article_tab as article_tab_module
from editor_app.ui.desk.article_tab import ArticleTab
from editor_app.ui.desk.autosave import AutosaveService
from tests.hardening.test_full_disk import _fill, _integrity, small_tmpfs

TYPED = " A long answer typed while the disk was full." * 3000  # ~140 KB: more than is left


def test_desk_keeps_text_on_a_full_disk_and_saves_when_space_is_back(qtbot, tmp_path, renderer,
                                                                     monkeypatch):
    monkeypatch.setattr(article_tab_module, "RETRY_MS", 300)
    with small_tmpfs(tmp_path / "mnt") as mnt:
        library = Library.open(mnt / "desk.byline")
        saver = AutosaveService(library)
        try:
            article = library.create_article(Article(title="Interview", body="Saved text.\n"))
            tab = ArticleTab(library, article.id, renderer=renderer, saver=saver)
            qtbot.addWidget(tab)
            tab.show()
            filler = _fill(mnt)

            tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
            tab.editor.insertPlainText(TYPED)
            qtbot.waitUntil(lambda: "Not saved" in tab.banner_text(), timeout=10000)
            assert "disk is full" in tab.banner_text()
            assert tab.editor.toPlainText().endswith(TYPED)  # nothing typed is lost
            assert not tab.close_tab()  # no way to close it and lose the text
            assert library.get_article(article.id).body == "Saved text.\n"
            assert _integrity(library) == ["ok"]

            filler.unlink()  # space is back: the retry saves without anyone asking
            qtbot.waitUntil(lambda: library.get_article(article.id).body.endswith(TYPED),
                            timeout=15000)
            qtbot.waitUntil(lambda: tab.banner_text() == "", timeout=5000)
            assert tab.close_tab()
        finally:
            saver.close()
            library.close()
