"""Packaging checks fast enough for every `make test` (the frozen build is `make dist-test`).

They catch what breaks a desktop build long before anyone runs PyInstaller: an icon size
missing, desktop metadata that validators reject, a spec that forgets the dictionaries,
code importing a Qt module the spec leaves out, resources not found when frozen, and a
smoke test that could pass without a window or a rendered preview.
"""

from __future__ import annotations

import ast
import configparser
import pathlib
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SPEC = PACKAGING / "byline.spec"
DESKTOP = PACKAGING / "byline.desktop"
METAINFO = PACKAGING / "io.github.byline.Byline.metainfo.xml"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_size(path: pathlib.Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_exists_at_each_size(size):
    assert png_size(ICONS / f"byline-{size}.png") == (size, size)


def test_icon_source_is_svg_with_the_square_viewbox():
    root = ET.parse(ICONS / "byline.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_render_icons_writes_every_size_the_tests_expect():
    sys.path.insert(0, str(PACKAGING))
    try:
        import render_icons
    finally:
        sys.path.remove(str(PACKAGING))
    assert render_icons.SIZES == ICON_SIZES
    assert render_icons.SOURCE == ICONS / "byline.svg"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_byline_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "byline"
    assert entry["Icon"] == "byline"
    assert entry["Terminal"] == "false"


def test_metainfo_matches_desktop_file_and_has_a_screenshot():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert METAINFO.name == root.findtext("id") + ".metainfo.xml"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == desktop_entry()["Icon"]
    images = [i.text for i in root.iter("image")]
    assert images and all(url.startswith("https://") for url in images)
    from editor_app import __version__

    assert __version__ in [r.get("version") for r in root.iter("release")]


def run_tool(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_desktop_file_validate():
    result = run_tool("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_appstreamcli_validate():
    result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def test_spec_is_python_and_bundles_resources_and_dictionaries():
    text = spec_text()
    ast.parse(text)
    assert '(str(ROOT / "resources"), "resources")' in text
    assert 'collect_data_files("spellchecker", includes=["resources/*.json.gz"])' in text
    assert 'collect_submodules("editor_app")' in text  # commands are imported by name
    assert (PACKAGING / "launcher.py").is_file()


def test_spec_bundles_hunspell_babel_and_unidecode_data():
    text = SPEC.read_text(encoding="utf-8")
    assert '"hunspell.hunspell"' in text
    assert 'collect_data_files("babel"' in text and 'collect_data_files("text_unidecode"' in text
    dictionaries = ROOT / "resources" / "dictionaries"
    for name in ("lt_LT", "en_GB", "en_US"):
        assert (dictionaries / f"{name}.aff").is_file() and (dictionaries / f"{name}.dic").is_file()
        assert (dictionaries / f"{name}.LICENSE.txt").is_file()


def test_spellchecker_dictionaries_are_where_the_spec_looks():
    import spellchecker

    found = list((pathlib.Path(spellchecker.__file__).parent / "resources").glob("*.json.gz"))
    assert "en.json.gz" in [p.name for p in found]


def spec_excludes() -> set[str]:
    tree = ast.parse(spec_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "excludes":
            return set(ast.literal_eval(node.value))
    raise AssertionError("byline.spec defines no excludes list")


def imported_modules(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_code_imports_a_module_the_build_leaves_out():
    excludes = spec_excludes()
    assert {"tkinter", "PySide6.Qt3DCore", "PySide6.QtCharts", "PySide6.QtQuick3D"} <= excludes
    offenders = [f"{path.relative_to(ROOT)}: {name}"
                 for path in sorted((ROOT / "editor_app").rglob("*.py"))
                 for name in imported_modules(path)
                 if name in excludes or name.split(".")[0] in excludes]
    assert not offenders, "imports of modules byline.spec excludes: " + ", ".join(offenders)


def test_resource_path_inside_a_frozen_bundle(tmp_path, monkeypatch):
    from editor_app.core import resources

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("css", "byline.css") == tmp_path / "resources" / "css" / "byline.css"
    (tmp_path / "resources" / "templates").mkdir(parents=True)
    (tmp_path / "resources" / "templates" / "x.txt").write_text("frozen", encoding="utf-8")
    assert resources.read_resource("templates", "x.txt") == "frozen"


def test_resource_path_from_source():
    from editor_app.core.resources import resource_path

    assert not hasattr(sys, "_MEIPASS")
    assert resource_path("icons", "byline.svg") == ICONS / "byline.svg"
    assert resource_path("samples").is_dir()


def test_makefile_has_dist_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndist: " in makefile and "packaging/byline.spec" in makefile
    assert "\ndist-test: dist" in makefile and "packaging/smoke_test.py" in makefile
    pins = (PACKAGING / "requirements-dist.txt").read_text(encoding="utf-8")
    assert "pyinstaller==6.22.3" in pins


# -- the smoke test itself -------------------------------------------------------------

def test_probe_words_come_from_the_lede_not_markup():
    from editor_app.core.models import Article
    from editor_app.smoke import page_shows, probe_words

    article = Article(title="T", body="!!! aside \"Box\"\n    x\n\nQ: Why?\n\n"
                                      "The council’s “new” plan was announced today in Ropewalk.")
    words = probe_words(article)
    assert words[:3] == ["the", "council", "new"]
    assert page_shows("Ropewalk — THE COUNCIL\u2019S \u201cNEW\u201d PLAN WAS ANNOUNCED TODAY "
                      "in ropewalk", words)
    assert not page_shows("The council’s plan", words)
    assert not page_shows("", [])


def test_smoke_test_fails_with_one_line_when_the_window_cannot_be_built(capsys):
    from editor_app.smoke import run_smoke_test

    def broken_window(library, **kwargs):
        raise RuntimeError("no window today")

    assert run_smoke_test(build_window=broken_window, timeout=5) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "byline: smoke test failed: RuntimeError: no window today"


def test_smoke_test_fails_when_nothing_renders_in_time(capsys):
    from PySide6.QtWidgets import QMainWindow

    from editor_app.smoke import run_smoke_test

    class WindowWithoutPreview(QMainWindow):
        def select_in_library(self, article_id):
            return True

        def open_article(self, article_id):
            return None

    windows = []

    def window_without_preview(library, **kwargs):
        windows.append(WindowWithoutPreview())
        return windows[-1]

    assert run_smoke_test(build_window=window_without_preview, timeout=1.0) == 1
    assert "did not show the article within the time limit" in capsys.readouterr().err


def test_smoke_test_passes_on_the_real_window(capsys):
    from editor_app.app import run_smoke_test

    assert run_smoke_test(timeout=60) == 0, capsys.readouterr().err
    assert "smoke test passed: window shown, preview of" in capsys.readouterr().out


def _spec_slim_numpy(stripped: pathlib.Path):
    """The spec's slim_numpy, run outside PyInstaller (its two globals set here)."""
    tree = ast.parse(spec_text())
    wanted = [node for node in tree.body
              if (isinstance(node, ast.FunctionDef) and node.name == "slim_numpy")
              or (isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NUMPY_TEST_ONLY")]
    assert len(wanted) == 2, "byline.spec defines no slim_numpy / NUMPY_TEST_ONLY"
    namespace = {"pathlib": pathlib, "shutil": shutil, "subprocess": subprocess,
                 "STRIPPED": stripped}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace["slim_numpy"]


@pytest.mark.skipif(shutil.which("strip") is None, reason="binutils' strip is not installed")
def test_the_build_strips_numpys_modules_but_not_the_libraries_auditwheel_rewrote(tmp_path):
    import numpy

    root = pathlib.Path(numpy.__file__).parent
    umath = next((root / "_core").glob("_multiarray_umath.*.so"))
    tests_module = next((root / "_core").glob("_multiarray_tests.*.so"))
    openblas = next((root.parent / "numpy.libs").glob("libscipy_openblas*.so"), None)
    toc = [(f"numpy/_core/{umath.name}", str(umath), "EXTENSION"),
           (f"numpy/_core/{tests_module.name}", str(tests_module), "EXTENSION"),
           ("editor_app/x.so", "/elsewhere/x.so", "EXTENSION")]
    if openblas is not None:
        toc.append((f"numpy.libs/{openblas.name}", str(openblas), "BINARY"))
    kept = {dest: src for dest, src, _kind in _spec_slim_numpy(tmp_path)(toc)}
    assert f"numpy/_core/{tests_module.name}" not in kept          # numpy's tests only
    stripped = pathlib.Path(kept[f"numpy/_core/{umath.name}"])
    assert stripped.parent.is_relative_to(tmp_path) and stripped.stat().st_size < umath.stat().st_size
    assert kept["editor_app/x.so"] == "/elsewhere/x.so"
    if openblas is not None:   # stripping it breaks its ELF layout: it must go in untouched
        assert kept[f"numpy.libs/{openblas.name}"] == str(openblas)


def test_the_desktop_build_uses_numpy_compiled_without_blas():
    """#16: the wheel's OpenBLAS (25 MB) would break the 30 MB budget; dist-test checks the size."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = makefile[makefile.index("$(NUMPY_NOBLAS)/.installed:"):makefile.index("\ndist:")]
    assert "-Csetup-args=-Dblas=none" in rule and "-Csetup-args=-Dlapack=none" in rule
    assert "numpy==$(NUMPY_VERSION)" in rule and "sed -n 's/^numpy==//p' requirements.lock" in makefile
    dist = makefile[makefile.index("\ndist:"):makefile.index("\ndist-test:")]
    assert "$(NUMPY_NOBLAS)/.installed" in dist and "PYTHONPATH=$(NUMPY_NOBLAS)" in dist
    smoke = (PACKAGING / "smoke_test.py").read_text(encoding="utf-8")
    assert '("numpy size", step_numpy_size)' in smoke and "NUMPY_BUDGET = 30_000_000" in smoke
