"""The shape of the package: no import cycles, no arrows back up, no reaching into privates.

Every ``import`` counts, also one inside a function: a cycle hidden in a function is
still two modules that cannot be understood, tested or moved one without the other.

Layers, lowest first: core (pure Python), then ui and commands side by side, then
smoke.py, app.py (the composition root) and cli.py. In ui, the feature folders (desk,
spelling, review, …) sit below the window and the panels' frame and above the shared
modules (signal hub, settings, background work). A module imports only from its own
layer or below, and never a private (underscore) name or attribute of another module.
"""

from __future__ import annotations

import ast
import pathlib
import textwrap

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: rank of each part of the package: an import must not go to a higher rank
RANKS = {
    "editor_app": 0,  # the package root: __version__
    "editor_app.core": 0,
    "editor_app.commands": 1,
    "editor_app.library_file": 1,
    "editor_app.ui": 1,
    "editor_app.smoke": 2,
    "editor_app.app": 3,
    "editor_app.cli": 4,
    "editor_app.__main__": 5,
}
#: ui's top: the window and what mounts on it; they may import any feature folder
UI_FRAME = {"editor_app.ui.main_window", "editor_app.ui.editorial_panels",
            "editor_app.ui.screenshots"}
#: ui's shared modules: below the feature folders
UI_SHARED = {"editor_app.ui", "editor_app.ui.signals", "editor_app.ui.settings",
             "editor_app.ui.background", "editor_app.ui.theme"}
#: where private names and attributes of other modules are never used
CHECKED_FOR_PRIVATES = ("editor_app.ui", "editor_app.app", "editor_app.smoke", "editor_app.cli",
                        "editor_app.library_file")


# -- reading the package ---------------------------------------------------------------

def package_modules(root: pathlib.Path, package: str = "editor_app") -> dict[str, pathlib.Path]:
    modules = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _absolute(module: str, path: pathlib.Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if path.name != "__init__.py":
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _type_only(tree: ast.Module) -> set[ast.AST]:
    """The imports under ``if TYPE_CHECKING:``: read by type checkers, never run, so they
    close no import cycle (a facade's type named where the facade itself is imported)."""
    if not hasattr(tree, "_type_only"):
        nodes: set[ast.AST] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING",
                                                                       "typing.TYPE_CHECKING"):
                for child in node.body:
                    nodes.update(ast.walk(child))
        tree._type_only = nodes  # type: ignore[attr-defined]
    return tree._type_only  # type: ignore[attr-defined]


def imports(modules: dict[str, pathlib.Path]) -> list[tuple[str, str, str, int]]:
    """(importer, imported module, imported name or "", line) for every import of the package."""
    found = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if node in _type_only(tree):
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules:
                        found.append((module, alias.name, "", node.lineno))
            elif isinstance(node, ast.ImportFrom):
                target = _absolute(module, path, node)
                if target not in modules:
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in modules:
                        found.append((module, sub, "", node.lineno))
                    else:
                        found.append((module, target, alias.name, node.lineno))
    return found


def graph_of(modules: dict[str, pathlib.Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for importer, imported, _name, _line in imports(modules):
        if imported != importer:
            graph[importer].add(imported)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def _part(module: str) -> str:
    """The entry of RANKS a module belongs to (the longest matching prefix)."""
    best = ""
    for part in RANKS:
        if (module == part or module.startswith(part + ".")) and len(part) > len(best):
            best = part
    return best


def _ui_feature(module: str) -> str | None:
    """"desk", "spelling", … for a module in a ui feature folder; None otherwise."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["editor_app", "ui"] and module not in UI_FRAME | UI_SHARED:
        return parts[2]
    return None


def arrows_up(modules: dict[str, pathlib.Path]) -> list[str]:
    """Imports that go up a layer, or sideways between ui and commands."""
    problems = []
    for importer, imported, _name, line in imports(modules):
        source, target = _part(importer), _part(imported)
        where = f"{importer}:{line} imports {imported}"
        if RANKS[target] > RANKS[source]:
            problems.append(f"{where} (a higher layer)")
        elif RANKS[target] == RANKS[source] and source != target and RANKS[source] > 0:
            problems.append(f"{where} (a neighbour layer)")
        elif source == target == "editor_app.ui":
            if imported in UI_FRAME and importer not in UI_FRAME:
                problems.append(f"{where} (the window, from below)")
            elif importer in UI_SHARED and _ui_feature(imported) is not None:
                problems.append(f"{where} (a feature, from a shared module)")
    return problems


def private_uses(modules: dict[str, pathlib.Path]) -> list[str]:
    """Private names imported from another module, private modules of another folder, and
    ``something._attribute`` where that attribute is not this module's own."""
    problems = []
    checked = {m: p for m, p in modules.items()
               if any(m == c or m.startswith(c + ".") for c in CHECKED_FOR_PRIVATES)}
    for importer, imported, name, line in imports(modules):
        if importer not in checked:
            continue
        if name.startswith("_") and not name.startswith("__"):
            problems.append(f"{importer}:{line} imports the private {imported}.{name}")
        last = imported.rsplit(".", 1)[-1]
        if last.startswith("_") and not last.startswith("__") \
                and imported.rsplit(".", 1)[0] != importer.rsplit(".", 1)[0]:
            problems.append(f"{importer}:{line} imports the private module {imported}")
    for module, path in checked.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                own.add(node.id)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or isinstance(node.ctx, ast.Store):
                continue
            attr = node.attr
            if not attr.startswith("_") or attr.startswith("__") or attr in own:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            problems.append(f"{module}:{node.lineno} uses {ast.unparse(node)}, "
                            "another module's private attribute")
    return problems


# -- the package as it is ------------------------------------------------------------------

def test_no_import_cycles_in_editor_app():
    assert cycles(graph_of(package_modules(ROOT))) == []


def test_no_arrows_back_up():
    assert arrows_up(package_modules(ROOT)) == []


def test_no_private_names_or_attributes_of_other_modules():
    assert private_uses(package_modules(ROOT)) == []


def test_readme_maps_the_ui_as_it_is():
    folders = sorted(p.name for p in (ROOT / "editor_app" / "ui").iterdir()
                     if p.is_dir() and (p / "__init__.py").is_file())
    assert folders == ["desk", "export", "library", "preferences", "related", "review", "spelling",
                       "sync"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ui_map = readme[readme.index("\neditor_app/ui/"):readme.index("\neditor_app/app.py")]
    listed = [line.split()[0] for line in ui_map.splitlines()[2:] if line.startswith("  ")
              and line.split()[0].endswith("/")]
    assert listed == [f"{folder}/" for folder in
                      ("desk", "spelling", "review", "related", "library", "export", "sync",
                       "preferences")]
    top = sorted(p.name for p in (ROOT / "editor_app" / "ui").glob("*.py") if p.name != "__init__.py")
    assert sorted(line.split()[0] for line in ui_map.splitlines()[1:]
                  if line.startswith("  ") and line.split()[0].endswith(".py")) == top
    for folder in folders:
        doc = ast.get_docstring(ast.parse((ROOT / "editor_app" / "ui" / folder / "__init__.py")
                                          .read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) == 2, f"ui/{folder}/__init__.py: two lines"


# -- the checks can fail ---------------------------------------------------------------------

def write_package(tmp_path: pathlib.Path, files: dict[str, str]) -> dict[str, pathlib.Path]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package_modules(tmp_path)


def test_a_cycle_through_a_function_level_import_is_found(tmp_path):
    modules = write_package(tmp_path, {
        "editor_app/__init__.py": "",
        "editor_app/app.py": "def run():\n    from editor_app.smoke import go\n",
        "editor_app/smoke.py": "def go():\n    from editor_app import app\n",
        "editor_app/core/__init__.py": "",
        "editor_app/core/a.py": "from .b import x\n",
        "editor_app/core/b.py": "from editor_app.core.c import y\nx = 1\n",
        "editor_app/core/c.py": "y = 2\n",
    })
    assert cycles(graph_of(modules)) == [["editor_app.app", "editor_app.smoke"]]


def test_arrows_up_and_private_uses_are_found(tmp_path):
    modules = write_package(tmp_path, {
        "editor_app/__init__.py": "",
        "editor_app/app.py": "",
        "editor_app/core/__init__.py": "",
        "editor_app/core/models.py": "from editor_app.ui.desk import editor\n",
        "editor_app/commands/__init__.py": "",
        "editor_app/commands/spell.py": "import editor_app.ui.signals\n",
        "editor_app/ui/__init__.py": "",
        "editor_app/ui/signals.py": "from editor_app.ui.review import queues\n",
        "editor_app/ui/main_window.py": "",
        "editor_app/ui/screenshots.py": "from editor_app.app import build\n",
        "editor_app/ui/desk/__init__.py": "",
        "editor_app/ui/desk/editor.py": "from editor_app.ui.main_window import MainWindow\n",
        "editor_app/ui/desk/tab.py": "class Tab:\n    def __init__(self):\n        self._in_flight = None\n",
        "editor_app/ui/review/__init__.py": "",
        "editor_app/ui/review/_state.py": "",
        "editor_app/ui/review/queues.py": (
            "from editor_app.ui.desk.tab import _helper\n"
            "from editor_app.ui.review import _state\n"
            "def poll(tab):\n    return tab._in_flight\n"),
        "editor_app/ui/spelling/__init__.py": "",
        "editor_app/ui/spelling/menu.py": "from editor_app.ui.review import _state\n",
    })
    up = arrows_up(modules)
    assert any("core.models:1 imports editor_app.ui.desk.editor (a higher layer)" in p for p in up)
    assert any("commands.spell:1 imports editor_app.ui.signals (a neighbour layer)" in p for p in up)
    assert any("ui.screenshots:1 imports editor_app.app (a higher layer)" in p for p in up)
    assert any("desk.editor:1 imports editor_app.ui.main_window (the window" in p for p in up)
    assert any("ui.signals:1 imports editor_app.ui.review.queues (a feature" in p for p in up)
    private = private_uses(modules)
    assert any("imports the private editor_app.ui.desk.tab._helper" in p for p in private)
    assert any("spelling.menu:1 imports the private module editor_app.ui.review._state" in p
               for p in private)
    assert not any("review.queues:2" in p for p in private)  # its own folder's module
    assert any("review.queues:4 uses tab._in_flight" in p for p in private)
    assert not any(p.startswith("editor_app.ui.desk.tab:") for p in private)  # its own attribute
