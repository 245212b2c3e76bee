"""PySide6's import hook no longer keeps every module's source in memory (#20), and
still tells the modules that mention PySide6 from those that do not."""

from __future__ import annotations

import inspect
import linecache
import sys

import PySide6.QtCore  # noqa: F401 - the hook exists once PySide6 is imported
import pytest

from editor_app.ui.pyside_import_hook import stop_caching_module_sources


@pytest.fixture
def modules(tmp_path, monkeypatch):
    (tmp_path / "mentions_qt.py").write_text("from PySide6.QtCore import QObject\nx = 1\n")
    (tmp_path / "plain_python.py").write_text("import json\ny = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("mentions_qt", "plain_python"):
        sys.modules.pop(name, None)


def test_modules_imported_after_pyside_are_no_longer_kept_in_linecache(modules):
    assert stop_caching_module_sources()
    assert not linecache.cache  # what it kept before is let go
    feature = sys.modules["shibokensupport.feature"]
    for name in ("mentions_qt", "plain_python"):
        module = __import__(name)  # the hook watches __import__, as an import statement
        path = str(modules / f"{name}.py")
        assert path not in linecache.cache, f"{name}'s source is kept in memory"
        # the same answer the original test (inspect.getsource) gives
        expected = "PySide6" in inspect.getsource(module)
        linecache.clearcache()
        assert feature.pyside_feature_dict[name] == (0 if expected else -1)
    assert feature.pyside_feature_dict["mentions_qt"] == 0
    assert feature.pyside_feature_dict["plain_python"] == -1
    assert stop_caching_module_sources()  # a second call changes nothing
