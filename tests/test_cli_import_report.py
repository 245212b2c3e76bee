"""`byline import` says for each file what became of it (#20)."""

import json

from editor_app.cli import main
from tests.core.docx_support import interview_docx


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def files(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Ferry strike ends\n\nThe ferries run again.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: x\n---\n\xff")
    word = interview_docx(tmp_path / "harbour.docx")
    return good, bad, word


def test_each_file_imported_updated_unchanged_or_refused(capsys, tmp_path):
    lib = ["--library", str(tmp_path / "l.byline")]
    good, bad, word = files(tmp_path)
    code, out, err = run(capsys, *lib, "import", str(good), str(bad), str(word))
    assert code == 1  # one file was refused
    lines = out.splitlines()
    assert lines[0].startswith("imported 1 ferry-strike-ends  Ferry strike ends")
    assert lines[1].startswith("imported 2 ") and "harbour.docx" in lines[1]
    assert lines[-1] == "2 imported, 1 refused"
    assert err.count("\n") == 1 and err.startswith(f"byline: error: {bad}:4: not UTF-8")
    # a file that names its article (slug) is updated, then unchanged
    named = tmp_path / "named.md"
    named.write_text("---\nslug: ferry-strike-ends\n---\n# Ferry strike ends\n\nNew.\n",
                     encoding="utf-8")
    code, out, err = run(capsys, *lib, "import", str(named))
    assert code == 0 and out.startswith("updated 1 ferry-strike-ends"), err
    code, out, err = run(capsys, *lib, "import", str(named))
    assert code == 0 and out.startswith("unchanged 1 ferry-strike-ends"), err


def test_json_lists_every_file_in_the_order_given(capsys, tmp_path):
    lib = ["--library", str(tmp_path / "l.byline")]
    good, bad, word = files(tmp_path)
    code, out, _ = run(capsys, *lib, "--json", "import", str(bad), str(good), str(word))
    rows = json.loads(out)
    assert code == 1
    assert [r["action"] for r in rows] == ["refused", "imported", "imported"]
    assert rows[0]["id"] is None and rows[0]["error"].startswith(str(bad))
    assert rows[2]["source"] == str(word) and rows[2]["title"].startswith("Harbour master")
