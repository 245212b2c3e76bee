"""Every schema version ever shipped opens in the current Byline with all its data intact.

tests/fixtures/library-vN.byline were written by the code at schema version N
(see library_fixtures.py); library-vN.expected.json is what that library held.
"""

from __future__ import annotations

import json
import shutil

import pytest

from editor_app.core.library import Library, schema
from tests.hardening.library_fixtures import FIXTURES, describe

FIXTURE_FILES = sorted(FIXTURES.glob("library-v*.byline"))


def _version(path) -> int:
    return int(path.stem.split("-v")[1])


def test_there_is_a_fixture_for_every_schema_version():
    versions = sorted(_version(p) for p in FIXTURE_FILES)
    assert versions == list(range(1, schema.schema_version() + 1)), (
        "add a fixture for the new schema version: "
        ".venv/bin/python -m tests.hardening.library_fixtures <N>")


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_old_library_opens_migrated_with_all_data(fixture, tmp_path):
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    expected = json.loads(fixture.with_name(fixture.stem + ".expected.json").read_text("utf-8"))
    with Library.open(copy, create=False) as lib:
        assert lib.schema_version() == schema.schema_version()
        assert lib.check() == []
        assert describe(lib) == expected
        # the migrated file is writable and searchable like a new one
        first = expected["articles"][0]
        saved = lib.update_article(first["id"], expected_version=first["version"],
                                   body=first["body"] + "After the upgrade.\n")
        assert saved.version == first["version"] + 1
        assert [h.id for h in lib.search("upgrade")] == [first["id"]]
    # and it opens again without migrating twice
    with Library.open(copy, create=False) as lib:
        assert lib.schema_version() == schema.schema_version()
        assert lib.check() == []


def test_fixtures_are_not_modified_by_the_tests():
    """Opening a fixture in place would migrate it; the tests only ever open copies."""
    for fixture in FIXTURE_FILES:
        assert not fixture.with_name(fixture.name + "-wal").exists()
        with open(fixture, "rb") as handle:
            header = handle.read(100)
        assert int.from_bytes(header[60:64], "big") == _version(fixture)  # user_version


@pytest.mark.parametrize("fixture", [p for p in FIXTURE_FILES if _version(p) < 3],
                         ids=lambda p: p.name)
def test_old_history_becomes_a_graph_with_records_that_merge(fixture, tmp_path):
    """The sync migration (#14): ids derived from the rows, a chain of parents, records.

    Two copies of one old library get the same ids, so they merge on their shared
    history (tests/core/sync/test_sync_roundtrip.py exchanges edits between two).
    """
    from editor_app.core.sync.registers import replay_moves

    copies = []
    for name in ("one.byline", "two.byline"):
        shutil.copyfile(fixture, tmp_path / name)
        copies.append(Library.open(tmp_path / name, create=False))
    one, two = copies
    for summary in one.list_articles():
        revisions = one.revisions(summary.id)  # newest first
        assert all(r.uid for r in revisions)
        assert [r.uid for r in revisions] == [r.uid for r in two.revisions(summary.id)]
        for newer, older in zip(revisions, revisions[1:], strict=False):
            assert newer.parents == (older.uid,)
        assert revisions[-1].parents == ()
        assert one.working_head(summary.id) == revisions[0].id
        assert not one.in_conflict(summary.id)
        comments = one.comments(summary.id)
        records = one.article_records(summary.id)
        assert {c.uid for c in comments} == {r.uid for r in records if r.kind == "comment"}
        moves = [r for r in records if r.kind == "status"]
        status, outcomes = replay_moves(moves)
        assert status == one.get_article(summary.id).status.value
        trail = one.status_events(summary.id)
        assert [e.uid for e in trail] == [o.uid for o in outcomes]
        assert not any(o.refused for o in outcomes)
    aliases = [r.data for r in one.library_records(("vocabulary",))]
    assert {"op": "alias", "tag": "local news", "alias": "hyperlocal"} in aliases
    assert one.library_uid and one.library_uid != two.library_uid  # each library is itself
    for lib in copies:
        lib.close()
