"""Sync in the GUI: the newsroom server's settings page, status indicator and background sync
(server_*.py, sync_status.py, #15), and the hand-off merge view and conflicts queue (#14)."""
