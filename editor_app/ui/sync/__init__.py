"""Sync in the GUI: the newsroom server's settings, status and background sync (#15); hand-off
files (send, receive, summary, drops), the conflict notice and the merge view (#14)."""
