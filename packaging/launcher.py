"""Entry point of the frozen program (PyInstaller runs this file as ``__main__``).

The render and export worker processes are started as ``byline --byline-render-worker FD``
and ``byline --byline-export-worker FD`` when frozen (there is no separate Python to run),
so those checks come before anything else.
"""

import sys


def main() -> int:
    try:
        from editor_app.core.render.worker import run_if_worker
    except ImportError:  # a build from before the renderer existed
        pass
    else:
        run_if_worker()
    try:
        from editor_app.core.export.procpool import run_if_worker as run_if_export_worker
    except ImportError:  # a build from before export processes could run frozen
        pass
    else:
        run_if_export_worker()
    from editor_app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
