"""The writing desk: an open article's tab with its editor, highlighting, find, metadata,
live preview and autosave, the Reader, and what happens when the article changes elsewhere."""
