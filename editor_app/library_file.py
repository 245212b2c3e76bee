"""The library file that the command line and the GUI open: which one, and opening it safely.

``--library PATH`` or ``$BYLINE_LIBRARY`` names it; otherwise it is ``library.byline`` in
the user's data folder, whose folder is created on first use. A damaged file is refused
with a message naming the fix before SQLite half-reads it.
"""

from __future__ import annotations

import os
import pathlib

ENV_LIBRARY = "BYLINE_LIBRARY"


def default_library_path() -> pathlib.Path:
    """The library used when neither --library nor BYLINE_LIBRARY is given."""
    import platformdirs

    return pathlib.Path(platformdirs.user_data_dir("byline", appauthor=False)) / "library.byline"


def chosen_library(given: str | None) -> tuple[pathlib.Path, bool]:
    """(path, explicit): ``given`` (--library), else $BYLINE_LIBRARY, else the default.

    ``explicit`` is False only for the default library, which Byline may create, with
    its folder, and seed with the sample articles.
    """
    named = given or os.environ.get(ENV_LIBRARY)
    if named:
        return pathlib.Path(named).expanduser(), True
    return default_library_path(), False


def open_library(path: pathlib.Path, *, explicit: bool, create: bool = True,
                 seed_samples: bool = False):
    """Open the library at ``path``; LibraryError with a one-line message when it cannot be.

    ``seed_samples``: a library created just now gets the sample articles (the GUI's
    first start on the default library).
    """
    from editor_app.core.backups import damaged_library_message
    from editor_app.core.errors import LibraryError
    from editor_app.core.library import Library

    if not explicit:
        path.parent.mkdir(parents=True, exist_ok=True)
    message = damaged_library_message(path)
    if message:
        raise LibraryError(message)
    library = Library.open(path, create=create)
    if seed_samples and library.created:
        from editor_app.core.samples import seed_samples as seed

        seed(library)
    return library
