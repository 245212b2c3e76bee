"""The shipped background model: term counts of public news text, for small libraries.

A library of a few hundred articles is too small to learn which words go
together; learning its space together with a few hundred public news stories
fixes that. What ships is not the stories but their term counts (headline,
standfirst, lead and tail kept apart, so the lead weighting of analysis.py
applies to them too), from English Wikinews 2019-2020, CC BY 2.5
(resources/related/README.md credits it).

Made with::

    python -m editor_app.core.related.background WIKINEWS.jsonl resources/related/background-news.npz
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter

import numpy as np

from editor_app.core.related.analysis import combine_parts, part_terms
from editor_app.core.resources import resource_path

BACKGROUND_FILE = ("related", "background-news.npz")
PARTS = ("title", "summary", "lead", "tail")


def background_path() -> pathlib.Path:
    return resource_path(*BACKGROUND_FILE)


def title_key(title_counts) -> frozenset:
    """What identifies a story by its headline: the set of its headline's terms."""
    return frozenset(title_counts)


def load_background(path: pathlib.Path | None = None,
                    skip_titles: set[frozenset] = frozenset()) -> list[dict[str, float]]:
    """Weighted term counts of each background story ([] when the file is missing).

    ``skip_titles`` (title_key of the library's headlines): stories the library
    already holds are not counted twice.
    """
    path = path or background_path()
    if not path.exists():
        return []
    with np.load(path, allow_pickle=False) as data:
        terms = bytes(data["terms"]).decode("utf-8").split("\n")
        parts = []
        for name in PARTS:
            indptr, indices, counts = data[f"{name}_indptr"], data[f"{name}_indices"], data[f"{name}_counts"]
            parts.append([Counter({terms[i]: float(c) for i, c in zip(indices[a:b], counts[a:b], strict=True)})
                          for a, b in zip(indptr[:-1], indptr[1:], strict=True)])
    return [combine_parts(list(doc_parts)) for doc_parts in zip(*parts, strict=True)
            if not skip_titles or title_key(doc_parts[0]) not in skip_titles]


def write_background(stories: list[tuple[str, str]], path: pathlib.Path) -> int:
    """Write the term counts of (title, text) stories to ``path``; returns how many."""
    term_ids: dict[str, int] = {}
    arrays: dict[str, list] = {f"{p}_{k}": [] for p in PARTS for k in ("indices", "counts")}
    indptrs: dict[str, list[int]] = {p: [0] for p in PARTS}
    for title, text in stories:
        for name, counts in zip(PARTS, part_terms(title, "", text), strict=True):
            for term, n in sorted(counts.items()):
                arrays[f"{name}_indices"].append(term_ids.setdefault(term, len(term_ids)))
                arrays[f"{name}_counts"].append(n)
            indptrs[name].append(len(arrays[f"{name}_indices"]))
    out = {"terms": np.frombuffer("\n".join(term_ids).encode("utf-8"), np.uint8)}
    for name in PARTS:
        out[f"{name}_indptr"] = np.asarray(indptrs[name], np.int32)
        out[f"{name}_indices"] = np.asarray(arrays[f"{name}_indices"], np.int32)
        out[f"{name}_counts"] = np.asarray(arrays[f"{name}_counts"], np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        np.savez_compressed(handle, **out)
    return len(stories)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m editor_app.core.related.background WIKINEWS.jsonl OUT.npz", file=sys.stderr)
        return 2
    stories = []
    for line in pathlib.Path(args[0]).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["title"].startswith("TEST PAGE") or len(row["text"].split()) < 50:
            continue
        stories.append((row["title"], row["text"]))
    count = write_background(stories, pathlib.Path(args[1]))
    print(f"{count} stories -> {args[1]} ({pathlib.Path(args[1]).stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
