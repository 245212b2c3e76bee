"""Preview render speed on a 50,000-word interview, and the pathological inputs.

Budget (DESIGN.md): the preview is up to date under 100 ms after typing stops on a
50,000-word article.  Uses the longest interview of ../shared/data/wikinews,
converted to Q:/A: markdown and repeated to 50,000 words.

    .venv/bin/python benchmarks/preview_render.py [--edits 50] [--skip-pathological]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor_app.core.render import Renderer, RenderError  # noqa: E402
from editor_app.core.render.convert import Converter  # noqa: E402
from editor_app.core.render.source import normalize_source  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TARGET_WORDS = 50_000
_SPEAKER = re.compile(r"^\(\(([^()]{1,60})\)\)\s*")


def interview_markdown(text: str) -> str:
    """Wikinews text -> markdown: ((WN)) paragraphs become Q:, other speakers A:."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        match = _SPEAKER.match(paragraph)
        if match:
            asks = match.group(1).strip().lower() in ("wn", "wikinews")
            paragraph = ("Q: " if asks else "A: ") + paragraph[match.end() :]
        out.append(paragraph)
    return "\n\n".join(out)


def long_interview() -> tuple[str, str]:
    rows = [json.loads(line) for line in (DATA / "wikinews" / "wikinews_2019_2020.jsonl").open()]
    interviews = [r for r in rows if "((WN))" in r["text"] or "((Wikinews))" in r["text"]]
    longest = max(interviews, key=lambda r: len(r["text"].split()))
    once = interview_markdown(longest["text"])
    words = len(once.split())
    copies = -(-TARGET_WORDS // words)
    text = "\n\n".join([once] * copies)
    # Trim to about 50,000 words at a paragraph boundary.
    paragraphs, total = [], 0
    for paragraph in text.split("\n\n"):
        paragraphs.append(paragraph)
        total += len(paragraph.split())
        if total >= TARGET_WORDS:
            break
    return longest["title"], "\n\n".join(paragraphs)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def row(name: str, value: str, note: str = "") -> None:
    print(f"| {name:<48} | {value:>14} | {note} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--skip-pathological", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is not present")

    title, text = long_interview()
    words = len(text.split())
    print(f"Article: {title!r} repeated to {words} words, {len(text.splitlines())} lines\n")
    print(f"| {'measure':<48} | {'time':>14} | note |")
    print(f"|{'-' * 50}|{'-' * 16}|------|")

    converter = Converter()
    normalized = normalize_source(text)
    started = time.perf_counter()
    converter.convert(normalized, True)
    row(
        "plain Python-Markdown, whole text, in process",
        f"{(time.perf_counter() - started) * 1000:.0f} ms",
        "reference",
    )

    with Renderer() as renderer:
        renderer.render_body("warm up the worker", kind="interview")
        colds = []
        for _ in range(3):
            renderer.clear_cache()
            started = time.perf_counter()
            html = renderer.render_body(text, kind="interview")
            colds.append(time.perf_counter() - started)
        row(
            "full render (cold cache, worker process)",
            f"{statistics.median(colds) * 1000:.0f} ms",
            "median of 3; opening an article",
        )

        rng = random.Random(42)
        walls, callers = [], []
        current = text
        for _ in range(args.edits):
            position = rng.randrange(len(current))
            current = current[:position] + rng.choice("abcdefghij ,.") + current[position:]
            cpu = time.thread_time()
            started = time.perf_counter()
            renderer.render_body(current, kind="interview")
            walls.append(time.perf_counter() - started)
            callers.append(time.thread_time() - cpu)
        row(
            f"incremental after a 1-char edit, median ({args.edits} edits)",
            f"{statistics.median(walls) * 1000:.1f} ms",
            "budget 100 ms",
        )
        row(
            "incremental after a 1-char edit, p95",
            f"{percentile(walls, 0.95) * 1000:.1f} ms",
            "budget 100 ms",
        )
        row(
            "  of which CPU in the calling thread, median",
            f"{statistics.median(callers) * 1000:.1f} ms",
            "split, cache lookup, assembly (holds the GIL)",
        )
        print(f"\n(rendered HTML: {len(html):,} characters)\n")

    if args.skip_pathological:
        return
    print(f"| {'pathological file':<48} | {'time':>14} | result |")
    print(f"|{'-' * 50}|{'-' * 16}|--------|")
    with Renderer(timeout=2.0) as renderer:
        renderer.render_body("warm up")
        for path in sorted((DATA / "pathological-markdown").glob("*.md")):
            source = path.read_text(encoding="utf-8", errors="replace")
            started = time.perf_counter()
            try:
                renderer.render_body(source, kind="interview")
                result = "rendered"
            except RenderError as error:
                result = f"RenderError: {str(error).removeprefix('could not render: ')}"
            row(path.name, f"{time.perf_counter() - started:.2f} s", result)


if __name__ == "__main__":
    main()
