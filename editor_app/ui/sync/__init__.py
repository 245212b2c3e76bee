"""Sync in the GUI: the newsroom server's settings page, status indicator and background sync
(server_*.py, sync_status.py, #15), and hand-off files and conflicts (#14): Send for Review,
Receive and its summary, drops of .byline files, the conflict notice (handoff_actions.py,
send_dialog.py, receive_summary.py) and the merge view (merge_view.py)."""
