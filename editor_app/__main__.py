"""Allow ``python -m editor_app``."""

import sys

from editor_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
