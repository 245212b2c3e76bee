"""Global ids of revisions and records: how two libraries recognise the same thing (#14).

Every revision and every record (a comment, a move in the workflow, a pin...)
carries a UUID. A new one is random; one that two libraries must derive the
same way on their own is a name-based UUID (uuid5) of what it stands for:

- revisions and records backfilled by the schema migration, so that two copies
  of one old library agree on their shared history;
- the engine's automatic merges, so that two laptops merging the same two
  versions make the same revision and do not merge forever after.
"""

from __future__ import annotations

import re
import uuid

#: Namespace of Byline's derived ids (an arbitrary fixed UUID; never change it).
NAMESPACE = uuid.UUID("9b7f5a52-5d0c-4c57-9a55-3f2a1d8c6e10")

_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def new_uid() -> str:
    """A fresh random global id."""
    return str(uuid.uuid4())


def derived_uid(*parts: object) -> str:
    """The same id wherever the same ``parts`` are known (uuid5 of their text)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def is_uid(value: object) -> bool:
    """True for a global id in canonical form (lowercase, hyphenated)."""
    return isinstance(value, str) and _UID.fullmatch(value) is not None
