"""HTML bundles for the website: one folder per article, a listing and feed per batch (#7).

Public API::

    export_articles(library, ids, out_dir, *, zip_path=None, force=False, progress=None,
                    cancel=None, workers=2, listing=None) -> ExportReport
    site_settings(library) -> SiteSettings
    safe_join(root, rel) -> pathlib.Path
    clean_site_url(value) -> str      # "" or an http(s) URL without trailing slash; InputError

DESIGN.md ("The HTML bundle") describes the layout; paths.py keeps every write
inside the output folder, bundle.py builds the files, article_export.py takes one
article from the library to its bundle, batch.py spreads a batch over the cores
(procpool.py: export processes) and runner.py ties it together.
"""

from editor_app.core.lazy import lazy_attributes

# Attributes load their modules on first use, so that ``editor_app.core.export.procpool``
# can be imported (to start export processes early) without Markdown, Jinja and YAML.
_EXPORTS = {
    "SiteSettings": "bundle", "clean_site_url": "pages", "safe_join": "paths",
    "Cancelled": "article_export", "ExportedArticle": "report", "ExportReport": "report",
    "export_articles": "runner", "site_settings": "article_export",
}

__all__ = ["export_articles", "ExportReport", "ExportedArticle", "Cancelled", "SiteSettings",
           "site_settings", "safe_join", "clean_site_url"]


__getattr__, __dir__ = lazy_attributes(__name__, globals(), _EXPORTS)
