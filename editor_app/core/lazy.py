"""Package attributes imported on first use (PEP 562).

A package that names what it offers in one table (name → submodule) imports each
submodule only when one of its names is first read: the window paints before the
markdown, Jinja, numpy or export stacks are loaded (#20).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, namespace: dict,
                    where: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` (its ``globals()`` as ``namespace``).

    A name found is kept in the namespace, so the submodule is asked once. ``Any``:
    type checkers take a module ``__getattr__``'s return type for every name it serves.
    """
    def __getattr__(name: str) -> Any:  # noqa: N807 (the module hook's own name)
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list:  # noqa: N807
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
