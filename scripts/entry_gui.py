"""PyInstaller entry of the GUI executable (hoso-desktop)."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
