"""The zip writer for pre-compressed entries writes what zipfile writes (#7).

Export workers deflate each bundle's files on their own core; the process that
assembles the zip then only copies bytes.  Its output must be the archive
zipfile itself would have written from the raw files.
"""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.export import archive


def zipfile_bytes(files: dict[str, bytes]) -> bytes:
    """The old way: zipfile compressing as it writes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED,
                         compresslevel=archive.COMPRESS_LEVEL) as zf:
        for rel in sorted(files):
            zf.writestr(archive._entry_info(rel), files[rel],
                        compresslevel=archive.COMPRESS_LEVEL)
    return buffer.getvalue()


def precompressed_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    archive._write_precompressed(
        buffer, [(rel, archive.compress(files[rel])) for rel in sorted(files)])
    return buffer.getvalue()


NAMES = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}(/[a-z0-9][a-z0-9._-]{0,20})?", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(NAMES, st.binary(max_size=3000), min_size=1, max_size=8))
def test_same_bytes_as_zipfile(files):
    assert precompressed_bytes(files) == zipfile_bytes(files)


def test_real_bundle_and_reading_back(tmp_path):
    files = {"a/index.html": b"<!DOCTYPE html>" * 500, "a/style.css": os.urandom(5000),
             "a/empty.txt": b"", "feed.xml": "“unicode” text".encode() * 100}
    tree = archive.MemoryTree()
    for rel, data in files.items():
        tree.add(rel, data)
    target = tmp_path / "out.zip"
    archive.write_zip(tree, target)
    assert target.read_bytes() == zipfile_bytes(files)
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        assert {name: zf.read(name) for name in zf.namelist()} == files


def test_too_many_entries_for_a_plain_zip_go_through_zipfile(tmp_path, monkeypatch):
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    tree = archive.MemoryTree()
    for n in range(3):
        tree.add(f"f{n}.txt", b"x" * n)
    archive.write_zip(tree, tmp_path / "big.zip")
    with zipfile.ZipFile(tmp_path / "big.zip") as zf:
        assert zf.read("f2.txt") == b"xx"


@pytest.mark.parametrize("data", [b"", b"a", bytes(range(256)) * 64])
def test_compress_matches_zipfiles_deflate(data):
    entry = archive.compress(data)
    assert entry.size == len(data)
    with zipfile.ZipFile(io.BytesIO(zipfile_bytes({"x": data}))) as zf:
        info = zf.getinfo("x")
        assert (info.CRC, info.compress_size) == (entry.crc, len(entry.data))
