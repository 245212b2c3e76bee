"""Reading the server settings does not load the sync engine (#20: the window asks at every start)."""

from __future__ import annotations

import subprocess
import sys


def test_reading_server_settings_leaves_the_sync_engine_unloaded(tmp_path):
    code = (
        "import sys\n"
        "from editor_app.library_file import open_library\n"
        "from editor_app.core.server.settings import auto_sync_enabled, server_dsn\n"
        f"lib = open_library({str(tmp_path / 'lib.byline')!r}, explicit=True)\n"
        "assert server_dsn(lib) is None and auto_sync_enabled(lib)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('editor_app.core.sync',"
        " 'editor_app.core.server.sync', 'psycopg')))\n"
        "print(','.join(loaded))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
