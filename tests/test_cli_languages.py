"""The command line with other languages (#18): Lithuanian spell-check, a broken user
dictionary named once on stderr, search across scripts. The command line stays English."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DICTIONARIES = ROOT / "resources" / "dictionaries"

LITHUANIAN = """---
title: Žiniasklaidos naujienos
language: lt
---
Agentūra pranešė, kad vietos žiniasklaida rašė apie agentura ir savivaldybėje.
"""


def byline(*args, home: pathlib.Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.run([sys.executable, "-m", "editor_app", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_spell_checks_lithuanian(tmp_path):
    path = tmp_path / "lt.md"
    path.write_text(LITHUANIAN, encoding="utf-8")
    result = byline("--library", str(tmp_path / "lib.byline"), "spell", str(path), "--json",
                    home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["word"], r["line"], r["col"]) for r in rows] == [("agentura", 5, 53)]
    assert rows[0]["suggestions"][0] == "agentūra"
    result = byline("--library", str(tmp_path / "lib.byline"), "spell", str(path), home=tmp_path)
    assert result.stdout.strip().endswith("agentura -> agentūra, agentūrą")


def test_a_broken_user_dictionary_is_named_once_and_checking_goes_on(tmp_path):
    folder = tmp_path / "data" / "byline" / "dictionaries"
    folder.mkdir(parents=True)
    shutil.copyfile(DICTIONARIES / "lt_LT.aff", folder / "lt_XX.aff")
    (folder / "lt_XX.dic").write_bytes(b"")
    path = tmp_path / "lt.md"
    path.write_text(LITHUANIAN, encoding="utf-8")
    result = byline("--library", str(tmp_path / "lib.byline"), "spell", str(path), "--json",
                    home=tmp_path)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and "lt_XX.dic is empty" in warnings[0]
    assert "Traceback" not in result.stderr
    assert [r["word"] for r in json.loads(result.stdout)] == ["agentura"]


def test_search_finds_lodz_and_words_inside_japanese(tmp_path):
    library = str(tmp_path / "lib.byline")
    for name, text in (("lodz.md", "---\ntitle: Łódź Straße reopens\n---\nThe Łódź council.\n"),
                       ("tokyo.md", "---\ntitle: 東京の新しい図書館\nlanguage: ja\n---\n図書館が開館。\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    imported = byline("--library", library, "import", str(tmp_path / "lodz.md"),
                      str(tmp_path / "tokyo.md"), "--json", home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    slugs = [row["slug"] for row in json.loads(imported.stdout)]
    assert slugs[0] == "lodz-strasse-reopens" and slugs[1].startswith("dong-jing")
    for query, slug in (("lodz", slugs[0]), ("図書館", slugs[1])):
        result = byline("--library", library, "search", query, "--json", home=tmp_path)
        assert result.returncode == 0, result.stderr
        assert [hit["slug"] for hit in json.loads(result.stdout)] == [slug]
