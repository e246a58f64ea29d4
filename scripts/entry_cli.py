"""PyInstaller entry of the command-line executable (hoso)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
