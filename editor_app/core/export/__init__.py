"""HTML bundles for the website: one folder per article, a listing and feed per batch (#7).

Public API::

    export_articles(library, ids, out_dir, *, zip_path=None, force=False, progress=None,
                    cancel=None, workers=2, listing=None) -> ExportReport
    site_settings(library) -> SiteSettings
    safe_join(root, rel) -> pathlib.Path
    clean_site_url(value) -> str      # "" or an http(s) URL without trailing slash; InputError

DESIGN.md ("The HTML bundle") describes the layout; paths.py keeps every write
inside the output folder, bundle.py builds the files, runner.py writes them.
"""

from editor_app.core.export.bundle import SiteSettings
from editor_app.core.export.pages import clean_site_url
from editor_app.core.export.paths import safe_join
from editor_app.core.export.runner import (
    Cancelled,
    ExportedArticle,
    ExportReport,
    export_articles,
    site_settings,
)

__all__ = ["export_articles", "ExportReport", "ExportedArticle", "Cancelled", "SiteSettings",
           "site_settings", "safe_join", "clean_site_url"]
