"""`hoso` subcommands, one module each (see desktop.cli.COMMAND_MODULES)."""
