"""The site settings: one reader and one writer, which refuses a bad field and writes nothing."""

from __future__ import annotations

import pytest

from editor_app.core.errors import InputError
from editor_app.core.export.article_export import save_site_settings, site_settings


def test_saved_settings_are_read_back_cleaned(library):
    saved = save_site_settings(library, url=" https://news.example.org/ ",
                               publisher=" Harbour Gazette ", date_format="%d.%m.%Y")
    assert (saved.url, saved.publisher, saved.date_format) == (
        "https://news.example.org", "Harbour Gazette", "%d.%m.%Y")
    assert site_settings(library) == saved


def test_an_empty_date_format_means_the_articles_language(library):
    assert save_site_settings(library, url="", publisher="", date_format=" ").date_format == ""


def test_the_old_default_format_reads_as_the_articles_language(library):
    """Libraries made before #18 stored "%-d %B %Y" for "the usual long date"."""
    library.set_setting("site.date_format", "%-d %B %Y")
    assert site_settings(library).date_format == ""


@pytest.mark.parametrize(("field", "value", "message"), [
    ("url", "javascript:alert(1)", "site URL"),
    ("date_format", "dd.mm.yyyy", "date format: needs at least one % code"),
])
def test_a_bad_field_is_refused_and_nothing_is_written(library, field, value, message):
    values = {"url": "https://news.example.org", "publisher": "Gazette", "date_format": "%Y"}
    values[field] = value
    with pytest.raises(InputError, match=message):
        save_site_settings(library, **values)
    assert library.get_setting("site.url") is None
    assert library.get_setting("site.publisher") is None
    assert library.get_setting("site.date_format") is None
