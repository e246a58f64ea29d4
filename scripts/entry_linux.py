"""PyInstaller entry of the Linux executable hoso-desktop, which is also the command line.

On Linux the `hoso` command is a launcher script beside the executable that runs
`hoso-desktop --cli ARGS` (bundle_support.CLI_LAUNCHER): the code archive is stored once instead
of once per executable (13 MB). Windows needs two executables (a console one for the command
line, a windowed one for the GUI): entry_gui.py and entry_cli.py.
"""

import multiprocessing
import sys

CLI_SWITCH = "--cli"

if __name__ == "__main__":
    # scanning batches use a spawn process pool: in a frozen app the workers re-run this
    # executable, and freeze_support() turns them into workers instead of a second app
    multiprocessing.freeze_support()
    if sys.argv[1:2] == [CLI_SWITCH]:
        from desktop.cli import main as cli_main

        sys.exit(cli_main(sys.argv[2:], quiet_libraries=True))
    from desktop.app import main

    sys.exit(main())
