"""The export dialog: scopes, site settings, a batch on a worker, cancel, summary, open folder (#7)."""

from __future__ import annotations

import zipfile

import pytest

from editor_app.core.models import Article
from editor_app.ui.export import export_dialog as dialog_module
from editor_app.ui.export.export_dialog import ExportDialog


@pytest.fixture
def ids(library):
    out = []
    for n in range(3):
        out.append(library.create_article(Article(
            title=f"Story {n}", date=f"2024-0{n + 1}-01", summary="A standfirst.",
            tags=["news"], status="approved", body=f"Text of story {n}.")).id)
    return out


def make(qtbot, library, ids, tmp_path):
    dialog = ExportDialog(library, ids)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "site"))
    dialog.force_box.setChecked(True)
    return dialog


def test_exports_selection_to_folder_and_opens_it(qtbot, library, ids, tmp_path, monkeypatch):
    dialog = make(qtbot, library, ids, tmp_path)
    assert dialog.selection_radio.isChecked() and dialog.selected_ids() == ids
    dialog.url_edit.setText("https://news.example.org")
    dialog.publisher_edit.setText("Harbour Gazette")
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        assert dialog.start_export()
    report = blocker.args[0]
    assert report.ok and len(report.exported) == 3
    assert (tmp_path / "site" / "feed.xml").is_file()
    assert library.get_setting("site.url") == "https://news.example.org"
    assert library.get_setting("site.publisher") == "Harbour Gazette"
    assert "3 exported" in dialog.status_label.text()
    assert dialog.open_button.isVisibleTo(dialog)
    opened = []
    monkeypatch.setattr(dialog_module.QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "site")]


def test_current_article_as_zip(qtbot, library, ids, tmp_path):
    dialog = ExportDialog(library, ids[:1])
    qtbot.addWidget(dialog)
    assert dialog.current_radio.isChecked() and not dialog.selection_radio.isVisibleTo(dialog)
    dialog.zip_radio.setChecked(True)
    dialog.force_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "zips"))
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        dialog.start_export()
    slug = library.get_article(ids[0]).slug
    with zipfile.ZipFile(tmp_path / "zips" / f"{slug}.zip") as archive:
        assert f"{slug}/index.html" in archive.namelist()


def test_status_scope_counts_articles(qtbot, library, ids, tmp_path):
    library.create_article(Article(title="Draft", body="x"))
    dialog = make(qtbot, library, [], tmp_path)
    assert dialog.status_radio.isChecked() and not dialog.current_radio.isEnabled()
    assert sorted(dialog.selected_ids()) == sorted(ids)
    assert "3 article(s)" in dialog.count_label.text()
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("draft"))
    assert "1 article(s)" in dialog.count_label.text()


def test_bad_site_url_is_refused_with_a_message(qtbot, library, ids, tmp_path):
    dialog = make(qtbot, library, ids, tmp_path)
    dialog.url_edit.setText("javascript:alert(1)")
    assert not dialog.start_export()
    assert "site URL" in dialog.status_label.text()
    assert not (tmp_path / "site").exists()
    assert library.get_setting("site.url") is None


def test_failures_are_listed(qtbot, library, ids, tmp_path):
    broken = library.create_article(Article(title="Broken", status="approved", summary="s",
                                            tags=["news"], body=f"![x](asset:{'ef' * 32}.png)\n"))
    dialog = make(qtbot, library, ids + [broken.id], tmp_path)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        dialog.start_export()
    assert len(blocker.args[0].failed) == 1
    text = dialog.status_label.text()
    assert "3 exported, 1 failed" in text and "broken" in text and "ef" * 32 in text


def test_cancel_stops_the_batch(qtbot, library, ids, tmp_path, monkeypatch):
    real = dialog_module.export_articles

    def cancelled_early(*args, **kwargs):
        kwargs["cancel"].set()  # as if Cancel was pressed before the first article finished
        return real(*args, **kwargs)

    monkeypatch.setattr(dialog_module, "export_articles", cancelled_early)
    dialog = make(qtbot, library, ids, tmp_path)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        dialog.start_export()
        assert dialog.cancel_button.isVisibleTo(dialog)
    assert blocker.args[0].cancelled
    assert "cancelled" in dialog.status_label.text()
    assert not dialog.progress.isVisibleTo(dialog) and dialog.export_button.isEnabled()


def test_date_format_sample(qtbot, library, ids, tmp_path):
    dialog = make(qtbot, library, ids, tmp_path)
    assert dialog.date_sample.text() == "Dateline: 2 May 2024 · 2024 m. gegužės 2 d."
    dialog.date_format_edit.setText("%d.%m.%Y")
    assert dialog.date_sample.text() == "Dateline: 02.05.2024 · 02.05.2024"


def test_the_dialog_shows_the_saved_site_settings(qtbot, library, ids):
    from editor_app.core.export.article_export import save_site_settings

    save_site_settings(library, url="https://news.example.org", publisher="Harbour Gazette",
                       date_format="%d.%m.%Y")
    dialog = ExportDialog(library, ids[:1])
    qtbot.addWidget(dialog)
    assert dialog.url_edit.text() == "https://news.example.org"
    assert dialog.publisher_edit.text() == "Harbour Gazette"
    assert dialog.date_format_edit.text() == "%d.%m.%Y"
    assert dialog.date_sample.text() == "Dateline: 02.05.2024 · 02.05.2024"


def test_a_site_folder_is_refused_then_exported_articles_only(qtbot, library, ids, tmp_path):
    """The site's own listing is never replaced behind the producer's back (#19)."""
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "index.html").write_text("<h1>The site's own home page</h1>\n")
    (site / "about" / "index.html").write_text("<h1>About</h1>\n")
    dialog = make(qtbot, library, ids, tmp_path)
    dialog.resize(560, 560)
    with qtbot.waitSignal(dialog.export_failed, timeout=30_000) as blocker:
        assert dialog.start_export()
    assert "index.html" in blocker.args[0] and "articles only" in blocker.args[0]
    assert "index.html" in dialog.status_label.text()
    assert (site / "index.html").read_text() == "<h1>The site's own home page</h1>\n"
    dialog.grab().save(str(tmp_path / "export-refused.png"))
    dialog.articles_only_box.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        assert dialog.start_export()
    assert blocker.args[0].ok and len(blocker.args[0].exported) == 3
    assert (site / "index.html").read_text() == "<h1>The site's own home page</h1>\n"
    assert (site / "about" / "index.html").read_text() == "<h1>About</h1>\n"
    dialog.articles_only_box.setChecked(False)
    dialog.take_over_box.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as blocker:
        assert dialog.start_export()
    assert blocker.args[0].ok
    assert "Story 0" in (site / "index.html").read_text()
    assert (site / "about" / "index.html").read_text() == "<h1>About</h1>\n"
