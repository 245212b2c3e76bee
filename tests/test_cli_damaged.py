"""A truncated library is refused at open with the way back named; nothing is written."""

from editor_app.cli import main
from editor_app.core.library import Library
from editor_app.core.models import Article


def test_truncated_library_names_byline_restore(capsys, tmp_path):
    path = tmp_path / "lib.byline"
    with Library.open(path) as lib:
        lib.create_article(Article(title="Kept", body="x " * 30000))
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    code = main(["--library", str(path), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "truncated" in err and "byline restore" in err
    assert path.stat().st_size == len(data) // 2
