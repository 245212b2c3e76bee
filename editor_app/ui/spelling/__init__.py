"""Spell-check in the GUI: wavy underlines and the context menu on an editor, F7, the
Spelling panel and the word-list dialog; the checking itself is core/spelling's, on a worker."""
