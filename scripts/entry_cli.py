"""PyInstaller entry of the command-line executable (hoso)."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # scanning batches use a spawn process pool: in a frozen app the workers re-run this
    # executable, and freeze_support() turns them into workers instead of a second app
    multiprocessing.freeze_support()
    sys.exit(main())
