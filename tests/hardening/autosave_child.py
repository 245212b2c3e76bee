"""Child process of the crash tests: types into an article and autosaves it like the GUI.

Run as a script (no Qt is imported, so it starts in a fraction of a second)::

    python tests/hardening/autosave_child.py LIBRARY ARTICLE_ID --seed N

It appends one word ``w<seq>`` per simulated keystroke (bursts of typing with
pauses) and saves through ``Library.update_article(expected_version=...)``, the
call the writing desk's autosave makes, with the same policy: save when typing
has paused for DEBOUNCE seconds, or when the oldest unsaved edit is MAX_WAIT
seconds old. Every few saves it keeps a revision snapshot, as the desk does on
a timer. It prints, flushed, one line per event for the parent to check:

    ready <time>                 the library is open
    edit <seq> <time>            a keystroke, not saved yet
    saved <seq> <time>           update_article committed everything up to <seq>
    revision <id> <seq>          save_revision committed snapshot <id> holding up to <seq>
    error <message>              a LibraryError reached the "user"

The run continues the article where the previous (killed) run left it.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import re
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from editor_app.core.errors import BylineError  # noqa: E402
from editor_app.core.library import Library  # noqa: E402

DEBOUNCE = 0.5
# One second is the promise ("nothing typed more than a second ago is lost");
# the save must have COMMITTED by then, so it starts a little earlier.
MAX_WAIT = 0.9  # editor_app.ui.desk.autosave.MAX_WAIT_MS
REVISION_EVERY = 10  # saves
_LAST_WORD = re.compile(r"w(\d+)\s*$")


def last_seq(body: str) -> int:
    match = _LAST_WORD.search(body)
    return int(match.group(1)) if match else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("article_id", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--debounce", type=float, default=DEBOUNCE)
    parser.add_argument("--max-wait", type=float, default=MAX_WAIT)
    parser.add_argument("--revision-every", type=int, default=REVISION_EVERY)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout

    lib = Library.open(args.library, create=False)
    article = lib.get_article(args.article_id)
    body, version = article.body, article.version
    seq = last_seq(body)
    saves = 0
    print(f"ready {time.time():.6f}", file=out, flush=True)

    dirty_since = None
    last_key = 0.0
    next_key = time.monotonic()
    while True:
        now = time.monotonic()
        if now >= next_key:
            seq += 1
            body += ("\n\n" if rng.random() < 0.05 else " ") + f"w{seq}"
            if dirty_since is None:
                dirty_since = now
            last_key = now
            print(f"edit {seq} {time.time():.6f}", file=out, flush=True)
            # Typing speed with thinking pauses: most keys 10-80 ms apart,
            # sometimes a pause long enough for the debounce to fire.
            pause = rng.uniform(0.3, 0.9) if rng.random() < 0.04 else rng.uniform(0.01, 0.08)
            next_key = now + pause
        if dirty_since is not None and (now - last_key >= args.debounce
                                        or now - dirty_since >= args.max_wait):
            try:
                saved = lib.update_article(args.article_id, expected_version=version, body=body)
            except BylineError as exc:
                print(f"error {exc}", file=out, flush=True)
                return 1
            version = saved.version
            dirty_since = None
            saves += 1
            print(f"saved {seq} {time.time():.6f}", file=out, flush=True)
            if saves % args.revision_every == 0:
                rev_id = lib.save_revision(args.article_id, reason="autosave snapshot")
                if rev_id is not None:
                    print(f"revision {rev_id} {seq}", file=out, flush=True)
        wake = next_key
        if dirty_since is not None:
            wake = min(wake, last_key + args.debounce, dirty_since + args.max_wait)
        time.sleep(max(0.0, wake - time.monotonic()))


if __name__ == "__main__":
    sys.exit(main())
