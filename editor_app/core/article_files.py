"""The kinds of file Byline takes articles from (#20), without importing the readers."""

from __future__ import annotations

#: what File ▸ Import, a drop on the window and ``byline import`` read: markdown, plain
#: text and Word documents
IMPORT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
