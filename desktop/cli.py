"""The `hoso` command line.

Each subcommand lives in desktop/commands/<name>.py with `register(subparsers)`; heavy
libraries are imported inside the handlers so `hoso --help` stays fast.
Exit codes: 0 success, 1 input refused (one line on stderr naming the file and the reason),
2 wrong usage (argparse), 3 unexpected error (logged with its traceback).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from common.errors import HosoError
from common.i18n import _, set_language

#: subcommand modules, in the order `hoso --help` lists them
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.commands.dossier",
    "desktop.commands.catalog",
    "desktop.commands.forms",
    "desktop.commands.scan",
    "desktop.commands.signing",
    "desktop.commands.pack",
)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3

log = logging.getLogger("hoso.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hoso",
        description=_(
            "Hồ sơ số: prepare the files of an online public-service dossier "
            "(catalog, forms, scans, signatures, packaging)."
        ),
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default=None, help=_("language of messages (default: vi)")
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    subparsers.required = True
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _language_from_argv(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    import os

    return os.environ.get("HOSO_LANG", "vi")


def main(argv: Sequence[str] | None = None, *, quiet_libraries: bool | None = None) -> int:
    """`quiet_libraries` (default: when run as the program, argv None): library warnings and
    C libraries' stderr output go to the log, not the terminal."""
    if quiet_libraries is None:
        quiet_libraries = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if not quiet_libraries:
        return _main(argv)
    from desktop.logging_setup import capture_library_output, log_file_path, setup_logging

    setup_logging(console=False)
    restore = capture_library_output(log_file_path().parent)
    try:
        return _main(argv)
    finally:
        restore()


def _main(argv: list[str]) -> int:
    from desktop.app import use_translation_cache

    use_translation_cache()
    set_language(_language_from_argv(argv))  # before the parser, so --help is translated
    from desktop.logging_setup import setup_logging

    setup_logging(console=False)
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on wrong usage
    try:
        result = args.handler(args)
    except HosoError as exc:
        print(f"hoso: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"hoso: {_('Cancelled by the user.')}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # the error boundary: log the traceback, show one line
        log.exception("unexpected error in hoso %s", args.command)
        print(
            f"hoso: {_('unexpected error')}: {exc.__class__.__name__}: {exc}",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    return int(result or EXIT_OK)


if __name__ == "__main__":
    raise SystemExit(main())
