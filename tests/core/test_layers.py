"""core must stay importable without PySide6: a worker process or the CLI never loads Qt."""

import subprocess
import sys

import editor_app

BLOCKER = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError(f"core imported {name}")
sys.meta_path.insert(0, Block())
import editor_app.core as core
for info in pkgutil.walk_packages(core.__path__, "editor_app.core."):
    importlib.import_module(info.name)
import editor_app.cli
print("clean")
"""


def test_core_imports_without_pyside6():
    result = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True,
                            cwd=str(editor_app.__path__[0] + "/.."))
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


def test_blocker_really_blocks():
    """The check above must fail when something in core imports Qt."""
    code = BLOCKER.replace("import editor_app.core as core", "import PySide6.QtCore\nimport editor_app.core as core")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "core imported PySide6" in result.stderr
