"""Sample articles for a new library, so that the first launch is not empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.importers import read_article_file
from editor_app.core.importing import ImportResult, import_articles
from editor_app.core.resources import resource_path

if TYPE_CHECKING:
    from editor_app.core.library import Library


def sample_files() -> list:
    return sorted(resource_path("samples").glob("*.md"))


#: Library setting: uuids of articles that never go to the newsroom server (#15). The
#: samples of a first start are this laptop's own: fifty laptops must not send fifty copies.
LOCAL_ONLY_SETTING = "sync.local_only"


def seed_samples(library: Library) -> list[ImportResult]:
    """Import the bundled samples (oldest first, so related pins find their targets)."""
    parsed = [(f.name, read_article_file(f)) for f in sample_files()]
    parsed.sort(key=lambda item: item[1].date)
    results = import_articles(library, parsed, who="Byline samples", trusted_status=True)
    uuids = [library.get_article(r.id).uuid for r in results]
    library.set_setting(LOCAL_ONLY_SETTING, uuids)
    return results
