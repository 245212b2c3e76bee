"""Tags and related news: the Related panel (suggestions, pins), the tag editor and bulk
tagging, and the vocabulary dialog (aliases, merges)."""
