"""Keystroke latency benchmark: ``python benchmarks/typing.py`` runs typing_bench.py.

This file's name is also the standard library's ``typing``, and a script's folder
comes first on sys.path, so every script in benchmarks/ (and whatever it imports:
PySide6, Jinja2, sqlite-utils…) would import this file as ``typing``.  When that
happens, it loads the real standard-library module in its own place and stops;
only when run as a script does it start the benchmark.
"""

import sys

if __name__ == "__main__":
    import pathlib
    import runpy

    here = pathlib.Path(__file__).resolve().parent
    # Last on the path: the standard library's typing wins, desk_common stays importable.
    sys.path[:] = [p for p in sys.path if pathlib.Path(p or ".").resolve() != here]
    sys.path.append(str(here))
    runpy.run_path(str(here / "typing_bench.py"), run_name="__main__")
else:
    import importlib.util
    import sysconfig

    _spec = importlib.util.spec_from_file_location(
        "typing", sysconfig.get_paths()["stdlib"] + "/typing.py")
    _real = importlib.util.module_from_spec(_spec)
    sys.modules["typing"] = _real  # the import statement returns what is here at the end
    _spec.loader.exec_module(_real)
