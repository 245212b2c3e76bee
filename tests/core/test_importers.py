"""Markdown with front matter and plain text in; every field and unknown key kept."""

import pathlib

import pytest
import yaml

from editor_app.core.errors import InputError
from editor_app.core.importers import dump_markdown, parse_markdown, read_article_file
from editor_app.core.importing import import_files
from editor_app.core.models import Kind, Status

ROOT_SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "resources" / "samples"

FULL = """---
title: "Dr. Jane Roe: “small newsrooms can win”"
kind: interview
interviewee: Dr. Jane Roe
author: Sam Reporter
date: 2024-05-02
language: en
summary: One-sentence standfirst.
tags: [media, local news]
slug: jane-roe-interview
photo_credit: Ana Lens
series: {name: Small newsrooms, part: 2}
---
Lede paragraph.

Q: First question?

A: The answer.

!!! aside "About the forum"
    Boxed text.
"""


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_import_show_round_trip_keeps_every_field(library, tmp_path):
    [result] = import_files(library, [write(tmp_path, "a.md", FULL)])
    art = library.get_article(result.slug)
    assert art.title == "Dr. Jane Roe: “small newsrooms can win”"
    assert art.kind == Kind.INTERVIEW
    assert (art.interviewee, art.author, art.date, art.language) == (
        "Dr. Jane Roe", "Sam Reporter", "2024-05-02", "en")
    assert art.summary == "One-sentence standfirst."
    assert art.tags == ["media", "local news"]
    assert art.slug == "jane-roe-interview"
    assert art.extra == {"photo_credit": "Ana Lens", "series": {"name": "Small newsrooms", "part": 2}}
    assert art.body.startswith("Lede paragraph.\n\nQ: First question?")
    assert art.body.endswith("    Boxed text.\n")


def test_dump_then_parse_gives_the_same_article(library, tmp_path):
    [result] = import_files(library, [write(tmp_path, "a.md", FULL)])
    art = library.get_article(result.id)
    again = parse_markdown(dump_markdown(art))
    for field in ("title", "kind", "interviewee", "author", "date", "language", "summary",
                  "tags", "slug", "body", "extra", "status"):
        assert getattr(again, field) == getattr(art, field), field


def test_reimport_same_slug_makes_a_revision_not_a_duplicate(library, tmp_path):
    path = write(tmp_path, "a.md", FULL)
    import_files(library, [path])
    path.write_text(FULL.replace("Lede paragraph.", "A better lede."), encoding="utf-8")
    [result] = import_files(library, [path])
    assert not result.created
    assert library.count_articles() == 1
    art = library.get_article(result.id)
    assert art.body.startswith("A better lede.")
    assert [r.reason for r in library.revisions(art.id)] == ["import", "import"]


def test_plain_text_first_line_is_the_title(tmp_path):
    art = read_article_file(write(tmp_path, "note.txt", "\n\nCouncil meets\n\nThe council met today.\n"))
    assert art.title == "Council meets"
    assert art.body.strip() == "The council met today."
    assert art.status == Status.DRAFT


@pytest.mark.parametrize("name, content, message", [
    ("latin1.md", "---\ntitle: Café\n---\nbody".encode("latin-1"), r"latin1.md:2: not UTF-8"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "not a text file"),
    ("bad.md", "---\ntitle: [unclosed\n---\nbody", r"bad.md:\d+: malformed front matter"),
    ("baddate.md", "---\ntitle: T\ndate: last tuesday\n---\nx", r"baddate.md:3: date: 'last tuesday' is not a date"),
    ("badstatus.md", "---\ntitle: T\nstatus: finished\n---\nx", "unknown status 'finished'"),
    ("badkind.md", "---\ntitle: T\nkind: poem\n---\nx", "unknown kind"),
    ("tags.md", "---\ntitle: T\ntags: [1, {a: b}]\n---\nx", "tags: must be a list of names"),
    ("open.md", "---\ntitle: T\nbody without closing", "front matter is not closed"),
    ("list.md", "---\n- a\n- b\n---\nx", "front matter must be a mapping"),
    ("bomb.md", "---\ntitle: T\na: &a [x, x]\nb: [*a, *a]\n---\nx", "anchors"),
    ("rtl.md", "---\ntitle: \"Evil \u202egnp.exe\"\n---\nx", "right-to-left override"),
    ("nul.txt", "Title\n\x00body", "NUL"),
    ("empty.txt", "\n\n", "missing title"),
])
def test_bad_input_is_refused_and_writes_nothing(library, tmp_path, name, content, message):
    good = write(tmp_path, "good.md", "---\ntitle: Fine\n---\nok\n")
    bad = write(tmp_path, name, content)
    with pytest.raises(InputError, match=message):
        import_files(library, [good, bad])
    assert library.count_articles() == 0


def test_missing_file_is_named(library, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_files(library, [tmp_path / "gone.md"])


# -- front matter that made PyYAML raise past the importer (#9) ----------------

@pytest.mark.parametrize("front, line, words", [
    ("title: T\ndate: 2024-13-45\n", 3, "is not a date"),
    ("title: T\nseen: [1, 2024-02-30]\n", 3, "is not a date"),
    ("title: Bell \x07 ringing\n", 2, "control character (U+0007)"),
    ("title: T\nx: " + "[" * 3000 + "]" * 3000 + "\n", 3, "nested too deeply"),
])
def test_yaml_errors_become_one_line_with_file_and_line(front, line, words):
    with pytest.raises(InputError) as caught:
        parse_markdown(f"---\n{front}---\nBody\n", source="story.md")
    message = str(caught.value)
    assert message.startswith(f"story.md:{line}: malformed front matter: "), message
    assert words in message and "\n" not in message


@pytest.mark.parametrize("slug, words", [("abc\u202edef", "right-to-left"),
                                         ("Not A Slug", "is not valid")])
def test_bad_slug_is_refused_by_the_importer_with_its_line(slug, words):
    with pytest.raises(InputError) as caught:
        parse_markdown(f"---\ntitle: T\nslug: {slug}\n---\nBody\n", source="story.md")
    assert str(caught.value).startswith("story.md:3: slug: ") and words in str(caught.value)


def test_valid_dates_and_timestamps_still_import():
    article = parse_markdown("---\ntitle: T\ndate: 2024-02-29\nupdated: 2024-03-01 10:00:00\n"
                             "---\nBody\n")
    assert article.date == "2024-02-29"
    assert article.extra["updated"] == "2024-03-01T10:00:00"


def _metadata_samples(shared_data) -> list[dict]:
    import json

    samples = []
    for path in sorted(ROOT_SAMPLES.glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        samples.append(meta)
    for line in (shared_data / "xss" / "vectors.jsonl").read_text(encoding="utf-8").splitlines():
        vector = json.loads(line)["vector"]
        samples.append({"title": vector, "summary": vector + "\n" + vector, "tags": [vector, "x"],
                        "extra": {"note": vector, "list": [vector]}})
    return samples


def test_libyaml_and_python_emitters_write_the_same_front_matter(shared_data):
    """Front matter goes through libyaml when PyYAML has it; without it (another build)
    the Python emitter must write the same bytes, so an export does not depend on that."""
    from editor_app.core.importers import _str_presenter, dump_front_matter

    class _PythonDumper(yaml.SafeDumper):  # what a PyYAML without libyaml would use
        pass

    _PythonDumper.add_representer(str, _str_presenter)

    samples = _metadata_samples(shared_data)
    assert len(samples) > 2000
    for meta in samples:
        assert dump_front_matter(meta) == dump_front_matter(meta, dumper=_PythonDumper), meta
        assert yaml.safe_load(dump_front_matter(meta)) == meta
