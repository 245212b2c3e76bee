"""Smoke test of the frozen program (``make dist-test``): does dist/byline/byline work
on its own, without the project's Python?

    python packaging/smoke_test.py dist/byline/byline

Runs the program as a user would, in a throw-away HOME, and checks: --version; import of
a sample article (from the copy inside the bundle) into a new library; export of it with
the bundle's manifest checked; spell --json finding a planted misspelling (proves the
dictionaries are inside); spell --json on a Lithuanian sentence (the hunspell lt_LT
dictionary and the chunspell binding are inside: declined forms known, "agentura" flagged
with "agentūra" first); related news (a topic space learned, a related query answered
with reasons) and numpy's share of the bundle (no OpenBLAS, at most 30 MB); a missing and
an unwritable library folder giving one line,
not a traceback; and --smoke-test (main window offscreen, preview rendered). Steps for
commands the build does not have yet are skipped with a message. Standard library only.
Prints one line per step and exits non-zero on the first failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

SMOKE_TIMEOUT = 180  # seconds; the first WebEngine start on a cold cache is slow
COMMAND_TIMEOUT = 120
SAMPLE = "amara-finch-interview.md"
MISSPELLED = """---
title: Smoke test
kind: news
language: en
---
The reporter wrote teh story in the newsroon.
"""


LITHUANIAN = """---
title: Žiniasklaidos naujienos
language: lt
---
Agentūra pranešė, kad vietos žiniasklaida rašė apie agentura ir savivaldybėje.
"""


class StepFailed(Exception):
    pass


class FrozenProgram:
    def __init__(self, binary: pathlib.Path, home: pathlib.Path):
        self.binary = binary
        self.env = clean_environment(home)

    def run(self, *args: str, timeout: float = COMMAND_TIMEOUT, extra_env: dict | None = None):
        env = dict(self.env, **(extra_env or {}))
        try:
            return subprocess.run([str(self.binary), *args], capture_output=True, text=True,
                                  env=env, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise StepFailed(f"`byline {' '.join(args)}` did not finish in {timeout} s") from None

    def ok(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        result = self.run(*args, **kwargs)
        if result.returncode != 0:
            raise StepFailed(f"`byline {' '.join(args)}` exited {result.returncode}: "
                             f"{last_line(result.stderr) or last_line(result.stdout)}")
        no_traceback(result)
        return result

    def has_command(self, name: str) -> bool:
        return self.run(name, "--help").returncode == 0


def clean_environment(home: pathlib.Path) -> dict:
    """The user's environment minus anything that would let the build borrow this Python."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "BYLINE_", "QT_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               LANG=env.get("LANG", "C.UTF-8"))
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if "venv" not in p)
    return env


def last_line(text: str) -> str:
    lines = [line for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def no_traceback(result: subprocess.CompletedProcess) -> None:
    if "Traceback (most recent call last)" in (result.stderr + result.stdout):
        raise StepFailed(f"a traceback reached the user:\n{result.stderr}")


def step_version(prog: FrozenProgram, work: pathlib.Path) -> str:
    out = prog.ok("--version").stdout.strip()
    if not out.startswith("byline "):
        raise StepFailed(f"--version printed {out!r}")
    return out


def step_import(prog: FrozenProgram, work: pathlib.Path) -> str:
    sample = prog.binary.parent / "_internal" / "resources" / "samples" / SAMPLE
    if not sample.is_file():
        raise StepFailed(f"the bundle has no {sample.relative_to(prog.binary.parent)}")
    library = work / "library" / "smoke.byline"
    library.parent.mkdir()
    rows = json.loads(prog.ok("--library", str(library), "import", str(sample), "--json").stdout)
    if len(rows) != 1 or not rows[0].get("slug"):
        raise StepFailed(f"import --json printed {rows!r}")
    prog.imported = rows[0]
    prog.library = library
    listed = json.loads(prog.ok("--library", str(library), "list", "--json").stdout)
    if [r["slug"] for r in listed] != [rows[0]["slug"]]:
        raise StepFailed(f"list --json after import printed {listed!r}")
    return f"article {rows[0]['id']} {rows[0]['slug']}"


def step_export(prog: FrozenProgram, work: pathlib.Path) -> str:
    if not prog.has_command("export"):
        return "SKIPPED: this build has no `export` command"
    out = work / "export"
    slug = prog.imported["slug"]
    # --force: the pre-flight list (status, spelling) is an editorial gate, not what is tested here
    prog.ok("--library", str(prog.library), "export", slug, "--out", str(out), "--force")
    bundle = out / slug
    for name in ("index.html", "fragment.html", "article.md", "article.json", "style.css",
                 "manifest.json"):
        if not (bundle / name).is_file():
            raise StepFailed(f"the exported bundle has no {name}")
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest.get("files", []):
        data = (bundle / entry["path"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise StepFailed(f"manifest.json: sha256 of {entry['path']} does not match")
    page = (bundle / "index.html").read_text(encoding="utf-8")
    if "<article" not in page or 'class="question"' not in page:
        raise StepFailed("index.html has no rendered interview (<article>, questions)")
    return f"{len(manifest.get('files', []))} files, manifest checked"


def step_spell(prog: FrozenProgram, work: pathlib.Path) -> str:
    if not prog.has_command("spell"):
        return "SKIPPED: this build has no `spell` command"
    article = json.loads(prog.ok("--library", str(prog.library), "spell",
                                 prog.imported["slug"], "--json").stdout)
    if not isinstance(article, list):
        raise StepFailed(f"spell --json printed {article!r}")
    planted = work / "misspelled.md"
    planted.write_text(MISSPELLED, encoding="utf-8")
    found = json.loads(prog.ok("--library", str(prog.library), "spell", str(planted),
                               "--json").stdout)
    words = {item["word"] for item in found}
    if not {"teh", "newsroon"} <= {w.lower() for w in words}:
        raise StepFailed(f"spell --json did not flag the planted misspellings: {sorted(words)}")
    teh = next(item for item in found if item["word"].lower() == "teh")
    if "the" not in [s.lower() for s in teh.get("suggestions", [])]:
        raise StepFailed(f"no 'the' among the suggestions for 'teh': {teh!r}")
    return f"{len(article)} flagged in the sample; planted errors found with suggestions"


def step_spell_lithuanian(prog: FrozenProgram, work: pathlib.Path) -> str:
    dictionary = prog.binary.parent / "_internal" / "resources" / "dictionaries" / "lt_LT.aff"
    if not dictionary.is_file():
        raise StepFailed(f"the bundle has no {dictionary.relative_to(prog.binary.parent)}")
    planted = work / "lietuviskai.md"
    planted.write_text(LITHUANIAN, encoding="utf-8")
    found = json.loads(prog.ok("spell", str(planted), "--json").stdout)
    words = [item["word"] for item in found]
    if words != ["agentura"]:
        raise StepFailed(f"spell --json on Lithuanian flagged {words!r}, expected ['agentura']")
    if found[0]["suggestions"][:1] != ["agentūra"]:
        raise StepFailed(f"'agentura' should get 'agentūra' first: {found[0]['suggestions']!r}")
    return "declined forms known; agentura -> agentūra"


def step_translations(prog: FrozenProgram, work: pathlib.Path) -> str:
    """Every translation of the interface (#18) is in the bundle, built: a .qm per .ts."""
    sources = sorted((pathlib.Path(__file__).resolve().parent.parent / "resources"
                      / "translations").glob("*.ts"))
    bundled = prog.binary.parent / "_internal" / "resources" / "translations"
    missing = [ts.with_suffix(".qm").name for ts in sources
               if not (bundled / ts.with_suffix(".qm").name).is_file()]
    if missing:
        raise StepFailed(f"the bundle has no {', '.join(missing)} in {bundled}"
                         " (`make translations` builds them)")
    return f"{len(sources)} .qm files"


def step_bad_library(prog: FrozenProgram, work: pathlib.Path) -> str:
    """A missing or unwritable library folder: one clear line, exit 1, no traceback."""
    blocker = work / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    cases = {"missing folder": work / "no" / "such" / "folder" / "lib.byline",
             "file in the way": blocker / "lib.byline"}
    readonly = work / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    if os.geteuid() != 0:
        cases["read-only folder"] = readonly / "lib.byline"
    else:  # root writes anywhere but in /proc, which stands in for a read-only folder
        cases["read-only folder"] = pathlib.Path("/proc/lib.byline")
    for what, path in cases.items():
        for args in (("list",), ()):  # the command line, then the GUI (offscreen)
            result = prog.run("--library", str(path), *args,
                              extra_env={"QT_QPA_PLATFORM": "offscreen"}, timeout=60)
            no_traceback(result)
            message = [line for line in result.stderr.splitlines() if line.startswith("byline:")]
            if result.returncode == 0 or not message:
                raise StepFailed(f"{what} ({' '.join(args) or 'GUI'}): exit {result.returncode}, "
                                 f"stderr {result.stderr.strip()!r}")
    return f"{len(cases)} cases x (CLI, GUI): one line each, e.g. {message[-1]!r}"


def step_smoke_test(prog: FrozenProgram, work: pathlib.Path) -> str:
    started = time.monotonic()
    result = prog.run("--smoke-test", timeout=SMOKE_TIMEOUT,
                      extra_env={"QT_QPA_PLATFORM": "offscreen",
                                 "QTWEBENGINE_DISABLE_SANDBOX": "1"})
    no_traceback(result)
    if result.returncode != 0:
        raise StepFailed(f"--smoke-test exited {result.returncode}: "
                         f"{last_line(result.stderr) or '(no message)'}")
    passed = [line for line in result.stdout.splitlines() if "smoke test passed" in line]
    if not passed:
        raise StepFailed("--smoke-test exited 0 without running the smoke test "
                         "(app.run_gui must call editor_app.smoke.run_smoke_test)")
    return f"{passed[-1]} ({time.monotonic() - started:.1f} s with start-up)"


def step_batch_export(prog: FrozenProgram, work: pathlib.Path) -> str:
    """A batch big enough for export processes: the frozen program starts itself as one."""
    if not prog.has_command("export"):
        return "SKIPPED: this build has no `export` command"
    sources = work / "batch-src"
    sources.mkdir()
    for n in range(BATCH):
        (sources / f"story-{n}.md").write_text(
            f"---\ntitle: Batch story {n}\nsummary: Story {n}.\ntags: [batch]\n---\n"
            f"Paragraph one of story {n}, with \"quotes\" -- and a dash.\n\n*Second* one.\n",
            encoding="utf-8")
    library = work / "library" / "batch.byline"
    prog.ok("--library", str(library), "import", *sorted(str(p) for p in sources.iterdir()))
    out = work / "batch-out"
    prog.ok("--library", str(library), "export", "--status", "draft", "--force",
            "--out", str(out), timeout=COMMAND_TIMEOUT * 2)
    bundles = [p for p in out.iterdir() if p.is_dir()]
    if len(bundles) != BATCH or not (out / "feed.xml").is_file():
        raise StepFailed(f"batch export wrote {len(bundles)} of {BATCH} bundles")
    if any(not (b / "manifest.json").is_file() for b in bundles):
        raise StepFailed("a bundle of the batch has no manifest.json")
    return f"{BATCH} bundles and a feed"


BATCH = 30  # over runner.PROCESS_MIN_ARTICLES, so export processes do the work

# Two stories told twice in other words, and unrelated ones: numpy's topic space (#16)
# must be learnt and asked inside the frozen program (its BLAS, its linalg).
RELATED = [
    ("Flood barrier finished", "Engineers finished the flood barrier on the quay before the "
     "storm; the barrier keeps the river out of homes when heavy rain swells it."),
    ("Seafront defences hold", "Tidal defences along the seafront held back the storm surge "
     "overnight as waves broke over the promenade and the sea wall."),
    ("Storm tests the quay", "The storm surge tested the flood barrier on the quay and the "
     "tidal defences of the seafront; the sea wall held."),
    ("Striker wins the derby", "The striker scored twice as the club won the derby."),
    ("Budget presented", "The treasurer presented a budget with higher taxes."),
    ("Exams begin", "Pupils sat their exams as teachers marked papers in the school hall."),
]


NUMPY_BUDGET = 30_000_000  # bytes the related-news topic space may add to the folder (#16)


def step_numpy_size(prog: FrozenProgram, work: pathlib.Path) -> str:
    """numpy's files in the bundle stay within the budget: no OpenBLAS (`make dist`)."""
    internal = prog.binary.parent / "_internal"
    files = [p for folder in ("numpy", "numpy.libs") if (internal / folder).is_dir()
             for p in (internal / folder).rglob("*") if p.is_file()]
    if not files:
        return "SKIPPED: this build has no numpy"
    size = sum(p.stat().st_size for p in files)
    blas = [p.name for p in files if "openblas" in p.name.lower()]
    if blas or size > NUMPY_BUDGET:
        raise StepFailed(f"numpy takes {size / 1e6:.1f} MB of the bundle (budget "
                         f"{NUMPY_BUDGET / 1e6:.0f} MB){'; OpenBLAS is inside: ' + ', '.join(blas) if blas else ''}"
                         " (`make dist` builds numpy without BLAS)")
    return f"{size / 1e6:.1f} MB in {len(files)} files, no OpenBLAS"


def step_related(prog: FrozenProgram, work: pathlib.Path) -> str:
    """Relearn the topic space and ask for related news, as the desktop app does."""
    if not prog.has_command("related-space"):
        return "SKIPPED: this build has no `related-space` command"
    sources = work / "related-src"
    sources.mkdir()
    for n, (title, body) in enumerate(RELATED):
        (sources / f"related-{n}.md").write_text(
            f"---\ntitle: {title}\ndate: 2024-0{n + 1}-01\n---\n{body}\n", encoding="utf-8")
    library = work / "library" / "related.byline"
    rows = json.loads(prog.ok("--library", str(library), "import", "--json",
                              *sorted(str(p) for p in sources.iterdir())).stdout)
    ids = {row["title"]: row["id"] for row in rows}
    built = json.loads(prog.ok("--library", str(library), "related-space", "--rebuild",
                               "--json").stdout)
    if built.get("done") != "rebuild" or built.get("covered") != len(RELATED):
        raise StepFailed(f"related-space --rebuild --json printed {built!r}")
    quay = rows[2]["id"]
    found = json.loads(prog.ok("--library", str(library), "related", str(quay),
                               "--include-newer", "--json").stdout)
    flood_ids = {rows[0]["id"], rows[1]["id"]}
    if not found or {s["id"] for s in found[:2]} != flood_ids:
        raise StepFailed(f"related --json for the quay story printed {found!r} (ids {ids!r})")
    if any(not s.get("reasons") for s in found):
        raise StepFailed(f"a related suggestion without reasons: {found!r}")
    return (f"space of {built.get('covered')} articles in {built.get('seconds')} s; "
            f"first: {found[0]['title']!r} ({'; '.join(found[0]['reasons'][:2])})")


STEPS = (("--version", step_version), ("import", step_import), ("export", step_export),
         ("batch export", step_batch_export), ("related", step_related),
         ("numpy size", step_numpy_size),
         ("spell --json", step_spell), ("spell lt", step_spell_lithuanian),
         ("translations", step_translations),
         ("bad library", step_bad_library),
         ("--smoke-test", step_smoke_test))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: smoke_test.py dist/byline/byline", file=sys.stderr)
        return 2
    binary = pathlib.Path(argv[0]).resolve()
    if not os.access(binary, os.X_OK):
        print(f"smoke test: {binary} is not an executable; run `make dist` first", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="byline-dist-test-") as tmp:
        work = pathlib.Path(tmp)
        (work / "home").mkdir()
        prog = FrozenProgram(binary, work / "home")
        for name, step in STEPS:
            step_started = time.monotonic()
            try:
                detail = step(prog, work)
            except StepFailed as exc:
                print(f"FAIL  {name}: {exc}", flush=True)
                return 1
            print(f"ok    {name:<13} {time.monotonic() - step_started:5.1f} s  {detail}",
                  flush=True)
        (work / "readonly").chmod(0o755)
    print(f"dist-test passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
