"""Damaged, truncated, foreign or hostile hand-off files are refused whole; the library is untouched (#14)."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
import zipfile

import pytest

from editor_app.core.errors import InputError
from editor_app.core.library import Library
from editor_app.core.sync.engine import receive, send
from editor_app.core.sync.handoff import member_problem
from tests.hardening.library_fixtures import FIXTURES
from tests.sync_support import dump, new_interview


@pytest.fixture
def setup(tmp_path):
    """A valid hand-off file from a sender, and a receiver that already has work of its own."""
    sender = Library.open(tmp_path / "sender.byline")
    art = new_interview(sender)
    sender.add_comment(art.id, text="Check", author="Ed", quote="Three", start=56, end=61)
    sender.add_tag_alias("media", "press")
    good = tmp_path / "good.byline"
    send(sender, [art.id], good)
    receiver = Library.open(tmp_path / "receiver.byline")
    new_interview(receiver, title="Receiver's own story", slug="own")
    yield good, receiver, art, tmp_path
    sender.close()
    receiver.close()


def members_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def write_zip(path, members: dict[str, bytes], *, fix_manifest: bool = True) -> None:
    """Write members as a zip; the manifest's hashes recomputed unless told not to."""
    members = dict(members)
    if fix_manifest and "manifest.json" in members:
        manifest = json.loads(members["manifest.json"])
        manifest["members"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                               for name, data in members.items() if name != "manifest.json"}
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def article_member(members) -> str:
    return next(name for name in members if name.startswith("articles/"))


def edit_article(members, fn) -> dict[str, bytes]:
    name = article_member(members)
    obj = json.loads(members[name])
    fn(obj)
    return {**members, name: json.dumps(obj).encode()}


def refused(receiver: Library, path, match: str) -> str:
    before = dump(receiver.path)
    with pytest.raises(InputError) as info:
        receive(receiver, path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message
    assert match in message, message
    assert dump(receiver.path) == before, "the library was changed"
    return message


def test_the_good_file_is_received(setup):
    good, receiver, art, tmp = setup
    assert [a.uuid for a in receive(receiver, good).arrived] == [art.uuid]


def test_a_member_that_does_not_match_its_sha256(setup):
    good, receiver, art, tmp = setup
    members = members_of(good)
    name = article_member(members)
    assert b"photographer" in members[name]
    members[name] = members[name].replace(b"photographer", b"photoshopper", 1)  # same size
    write_zip(tmp / "bad.byline", members, fix_manifest=False)
    refused(receiver, tmp / "bad.byline", "does not match its sha256")


def test_a_zip_bomb(setup):
    good, receiver, art, tmp = setup
    members = members_of(good)
    members[article_member(members)] = b" " * (40 * 1024 * 1024)
    write_zip(tmp / "bomb.byline", members)
    refused(receiver, tmp / "bomb.byline", "zip bomb")


def test_a_member_that_lies_about_its_size(setup):
    good, receiver, art, tmp = setup
    path = tmp / "lies.byline"
    shutil.copyfile(good, path)
    data = bytearray(path.read_bytes())
    name = article_member(members_of(good)).encode()
    # the central directory says the article member unpacks to 1 byte
    at = data.index(name, data.index(b"PK\x01\x02")) - 46
    assert data[at:at + 4] == b"PK\x01\x02"
    data[at + 24:at + 28] = (1).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    refused(receiver, path, "damaged")


@pytest.mark.parametrize("name, why", [
    ("../evil.json", "climbs out"), ("articles/../../etc/passwd", "climbs out"),
    ("/etc/passwd", "absolute"), ("C:\\Windows\\evil.json", "absolute"),
    ("assets/CON", "device name"), ("assets/nul.txt", "device name"), ("aux", "device name"),
    ("articles\\x.json", "backslashes"), ("notes.txt", "not part of a hand-off file"),
])
def test_member_names_that_could_escape_or_hide(setup, name, why):
    good, receiver, art, tmp = setup
    members = members_of(good)
    members[name] = b"{}"
    write_zip(tmp / "names.byline", members)
    assert why in member_problem(name)
    refused(receiver, tmp / "names.byline", why)


def test_a_newer_format_version(setup):
    good, receiver, art, tmp = setup
    members = members_of(good)
    manifest = json.loads(members["manifest.json"])
    manifest["version"] = 2
    members["manifest.json"] = json.dumps(manifest).encode()
    write_zip(tmp / "newer.byline", members, fix_manifest=False)
    refused(receiver, tmp / "newer.byline", "newer Byline")


def test_a_revision_whose_parent_is_missing(setup):
    good, receiver, art, tmp = setup
    members = edit_article(members_of(good),
                           lambda o: o["revisions"][0].__setitem__("parents", [str(uuid.uuid4())]))
    write_zip(tmp / "orphan.byline", members)
    refused(receiver, tmp / "orphan.byline", "names a parent")


def test_a_record_claiming_another_articles_id(setup):
    good, receiver, art, tmp = setup
    own = receiver.get_article(receiver.resolve_id("own"))
    members = edit_article(members_of(good),
                           lambda o: o["records"][0].__setitem__("article", own.uuid))
    write_zip(tmp / "claims.byline", members)
    refused(receiver, tmp / "claims.byline", "claims another article's id")


def test_a_revision_that_belongs_to_another_article_here(setup):
    good, receiver, art, tmp = setup
    own = receiver.resolve_id("own")
    taken = receiver.revisions(own)[0].uid
    members = edit_article(members_of(good), lambda o: o["revisions"][0].__setitem__("uid", taken)
                           or o.__setitem__("head", taken) or o.__setitem__("heads", [taken]))
    write_zip(tmp / "steal.byline", members)
    refused(receiver, tmp / "steal.byline", "belongs to another article")


def test_a_reply_to_another_articles_comment(setup):
    good, receiver, art, tmp = setup
    own = receiver.resolve_id("own")
    body = receiver.get_article(own).body
    theirs = receiver.add_comment(own, text="mine", author="R", quote=body[:5], start=0, end=5)

    def reply(o):
        o["records"].append({"uid": str(uuid.uuid4()), "kind": "comment", "article": o["uuid"],
                             "key": "", "after": [], "data": {"parent": theirs.uid, "text": "hi",
                                                              "quote": "", "start": 0, "end": 0},
                             "author": "", "origin": "", "created_at": ""})
        o["records"][-1]["key"] = o["records"][-1]["uid"]
    write_zip(tmp / "reply.byline", edit_article(members_of(good), reply))
    refused(receiver, tmp / "reply.byline", "belongs to another article")


@pytest.mark.parametrize("mutate, why", [
    (lambda o: o["lines"].__setitem__(0, "NUL \x00 inside"), "forbidden character"),
    (lambda o: o["lines"].__setitem__(0, "trojan \u202e source"), "forbidden character"),
    (lambda o: o["revisions"][0].__setitem__("title", "x" * 5000), "longer than"),
    (lambda o: o["revisions"][0].__setitem__("body", [10**6]), "outside the text pool"),
    (lambda o: o["revisions"][0]["metadata"].__setitem__("status", "owned"), "is not one of"),
    (lambda o: o["records"][0].__setitem__("kind", "delete-everything"), "is not one of"),
    (lambda o: o.__setitem__("uuid", "../../etc"), "not a valid id"),
])
def test_hostile_content_inside_a_member(setup, mutate, why):
    good, receiver, art, tmp = setup
    write_zip(tmp / "content.byline", edit_article(members_of(good), mutate))
    refused(receiver, tmp / "content.byline", why)


def test_truncated_foreign_and_empty_files(setup):
    good, receiver, art, tmp = setup
    data = good.read_bytes()
    (tmp / "truncated.byline").write_bytes(data[: len(data) // 2])
    refused(receiver, tmp / "truncated.byline", "damaged or truncated")
    (tmp / "text.byline").write_text("Dear Tomas, here is the story.\n")
    refused(receiver, tmp / "text.byline", "not a zip archive")
    (tmp / "empty.byline").write_bytes(b"")
    refused(receiver, tmp / "empty.byline", "not a zip archive")
    write_zip(tmp / "nomanifest.byline", {"library.json": b"{}"})
    refused(receiver, tmp / "nomanifest.byline", "no manifest.json")
    write_zip(tmp / "other.byline", {"manifest.json": b'{"format": "epub"}'}, fix_manifest=False)
    refused(receiver, tmp / "other.byline", "another format")
    shutil.copyfile(FIXTURES / "library-v2.byline", tmp / "library.byline")
    refused(receiver, tmp / "library.byline", "is a Byline library, not a hand-off file")
    refused(receiver, tmp / "missing.byline", "no such file")


def test_members_missing_from_or_added_to_the_manifest(setup):
    good, receiver, art, tmp = setup
    members = members_of(good)
    manifest = json.loads(members["manifest.json"])
    name = article_member(members)
    del members[name]
    members["manifest.json"] = json.dumps(manifest).encode()
    write_zip(tmp / "cut.byline", members, fix_manifest=False)
    refused(receiver, tmp / "cut.byline", "missing")
    members = members_of(good)
    members[f"articles/{uuid.uuid4()}.json"] = b"{}"
    write_zip(tmp / "extra.byline", members, fix_manifest=False)
    refused(receiver, tmp / "extra.byline", "not listed in the manifest")


def test_a_file_damaged_in_its_last_article_leaves_the_first_ones_out_too(setup):
    """Refused as a whole: the articles before the damaged one are rolled back."""
    good, receiver, art, tmp = setup
    sender = Library.open(tmp / "sender.byline")
    second = new_interview(sender, title="Second story", slug="second")
    send(sender, [art.id, second.id], tmp / "two.byline")
    members = members_of(tmp / "two.byline")
    last = f"articles/{max(art.uuid, second.uuid)}.json"
    obj = json.loads(members[last])
    obj["revisions"][0]["parents"] = [str(uuid.uuid4())]
    members[last] = json.dumps(obj).encode()
    write_zip(tmp / "half.byline", members)
    refused(receiver, tmp / "half.byline", "names a parent")
    assert receiver.count_articles() == 1
    sender.close()
