"""Preferences: who you are (name and role), languages, spelling, the editor, saving, export
and the newsroom server in one dialog (Edit ▸ Preferences), and the first launch's question."""
