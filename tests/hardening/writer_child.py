"""Child process of the concurrency tests: many small write transactions through Library.

    python tests/hardening/writer_child.py LIBRARY MODE NAME COUNT

MODE ``update``: append ``<NAME>-<i>`` to the article titled NAME, one
autosave-style conditional update per write (re-reading on ConflictError, which
is what the GUI does after reloading). MODE ``create``: one new article per
write. Prints ``done <writes> <conflicts>``, or ``error <message>`` when a
LibraryError ("database is locked" and the like) would have reached the user.
"""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from editor_app.core.errors import BylineError, ConflictError  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.models import Article  # noqa: E402


def main() -> int:
    path, mode, name, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    conflicts = 0
    try:
        with Library.open(path) as lib:
            if mode == "update":
                article = lib.create_article(Article(title=name, body=""))
                body, version = article.body, article.version
                for i in range(count):
                    body += f" {name}-{i}"
                    while True:
                        try:
                            article = lib.update_article(article.id, expected_version=version,
                                                         body=body)
                            break
                        except ConflictError:  # only its own article: must never happen
                            conflicts += 1
                            version = lib.get_article(article.id).version
                    version = article.version
            else:
                for i in range(count):
                    lib.create_article(Article(title=f"{name} {i}", body=f"written by {name}"))
    except BylineError as exc:
        print(f"error {exc}", flush=True)
        return 1
    print(f"done {count} {conflicts}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
