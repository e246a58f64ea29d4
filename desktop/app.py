"""GUI start-up: `python -m desktop` / `hoso-desktop`.

Options: --sample opens the built-in sample dossier; --dossier DIR opens a dossier;
--import FILE unpacks a .hoso file into the dossier folder and opens it (the installer
associates .hoso files with it); --smoke opens the window with the sample dossier, builds
every page, processes events and exits 0 (used by the tests); --lang vi|en overrides the
language setting. Without options the last dossier reopens at the step where it was left.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("hoso.app")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hoso-desktop")
    parser.add_argument("--sample", action="store_true", help="open the built-in sample dossier")
    parser.add_argument("--dossier", type=Path, help="open this dossier folder")
    parser.add_argument("--import", dest="import_file", type=Path, help="import a .hoso file")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of the app")
    parser.add_argument("--smoke", action="store_true", help="open, build every page, exit 0")
    parser.add_argument("--selftest", action="store_true", help="check the installation, exit")
    parser.add_argument("--report", type=Path, help="with --selftest: write the report here")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    # with --smoke: a PNG of the window at every step, as the platform shows it (the Windows
    # build's check under Wine, scripts/windows/windows-test.sh)
    parser.add_argument("--screenshots", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def use_translation_cache() -> None:
    """Keep the compiled Vietnamese catalog in the data folder: start-up reads one file."""
    from common.i18n import set_cache_dir
    from desktop.paths import data_dir

    set_cache_dir(data_dir() / "cache")


def install_error_boundary() -> None:
    """Unexpected exceptions on the GUI thread end in the error dialog, never a silent crash."""
    from ui.error_dialog import show_error

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        show_error(None, exc, details)

    sys.excepthook = hook


def keep_the_window_responsive() -> None:
    """Background jobs run pure-Python work (pyHanko, fontTools, the form reader): each time
    the GUI thread needs the GIL it may wait a whole switch interval (5 ms by default), and
    building a dialog needs it hundreds of times. 1 ms cut the soak's stalls behind a signing
    job from 280 ms (docs/stability.md)."""
    sys.setswitchinterval(0.001)


def configure_high_dpi() -> None:
    """Call before the QApplication exists. Qt 6 is per-monitor DPI aware on Windows by itself;
    the 125 % and 150 % scales common on Windows laptops pass through unrounded (rounding 150 %
    to 200 % makes the window too big for a 1366x768 screen, to 100 % too small to read).

    Set through Qt's environment variable (a user's own setting wins): the equivalent call,
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy, needs the `Qt` enum namespace, whose
    creation costs about 15 ms of start-up (ui/qt.py)."""
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")


#: Qt's platform on Windows: its GDI font database instead of DirectWrite's (docs/bundle.md)
WINDOWS_PLATFORM = "windows:fontengine=gdi"


def use_gdi_font_database(platform: str = sys.platform) -> None:
    """Windows, before the QApplication exists: Qt's GDI font database, Qt's default until 6.7.
    Qt 6.8+ reads every installed font through DirectWrite first: 0.23-0.35 s of start-up under
    Wine against 3 ms with GDI (measured, 25 families), a cost that grows with the fonts
    installed; other Qt apps kept GDI for slow starts and DirectWrite's text faults (no text at
    all on Windows 10 LTSC 2016: docs/bundle.md). The app draws its text with its own Noto Sans,
    so nothing DirectWrite adds (colour, variable fonts) is used. A user's own QT_QPA_PLATFORM
    wins (QT_QPA_PLATFORM=windows: DirectWrite again; docs/guide.md, troubleshooting)."""
    if platform == "win32":
        os.environ.setdefault("QT_QPA_PLATFORM", WINDOWS_PLATFORM)


def set_window_icon(app) -> None:
    """The drawn app icon (scripts/make_icon.py) on every window and the task bar."""
    from PySide6.QtGui import QIcon

    from common.resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icons", "hoso.png"))))


def fit_to_screen(window) -> None:
    """Never open larger than the screen: a 1366x768 laptop at 125 % offers 1093x614 logical
    pixels (minus the task bar), less than the window's default size."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    width = min(window.width(), int(available.width() * 0.95))
    height = min(window.height(), int(available.height() * 0.95))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


def build_context(settings, log_file: Path):
    from desktop.paths import data_dir, default_dossier_root, profiles_dir
    from ui.context import AppContext

    root_setting = settings.get("dossier_root")
    return AppContext(
        settings=settings,
        data_dir=data_dir(),
        dossier_root=Path(root_setting) if root_setting else default_dossier_root(),
        profiles_dir=profiles_dir(),
        log_file=log_file,
        catalog_dir=data_dir() / "catalog",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        from desktop.selftest import run_selftest

        return run_selftest(args.report)
    # the app's pure-Python modules first: imported after PySide6, every module also goes
    # through PySide's import hook (a few ms in all)
    from common.i18n import _, set_language
    from desktop.logging_setup import log_file_path, setup_logging
    from desktop.settings import load_settings

    use_translation_cache()  # imports desktop.paths and common.fsutil before PySide6 too
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("hoso")
    QCoreApplication.setApplicationName("hoso")
    if QApplication.instance() is None:
        configure_high_dpi()
        use_gdi_font_database()
    keep_the_window_responsive()
    from ui.memory import return_large_buffers_to_the_system

    return_large_buffers_to_the_system()
    app = QApplication.instance() or QApplication([sys.argv[0]])

    settings = load_settings()
    set_language(args.lang or settings.get("language"))
    log_file = log_file_path()
    unclean, marker = watch_for_crashes(args, log_file.parent)
    from ui.dialogs import DialogService
    from ui.error_dialog import set_log_file
    from ui.fonts import register_ui_font
    from ui.main_window import MainWindow

    set_log_file(log_file)
    register_ui_font(app)
    set_window_icon(app)
    app.setApplicationDisplayName(_("Hồ sơ số"))
    install_error_boundary()

    context = build_context(settings, log_file)
    window = MainWindow(context)
    context.dialogs = DialogService(window)

    if args.startup_probe:
        window.show()
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
        status = app.exec()
        if marker is not None:  # a normal exit: the next start must not see a crashed run
            from desktop.crash import clear_running

            clear_running(marker)
        return status

    if args.smoke:
        from ui.error_dialog import set_presenter

        set_presenter(lambda dialog: dialog.show())  # no modal loop: report and exit
    if args.sample or args.smoke:
        from desktop.sample import create_sample_dossier

        window.open_dossier(create_sample_dossier(context.dossier_root))
    elif args.dossier:
        window.open_dossier(args.dossier)
    elif args.import_file:
        window.import_archive_file(args.import_file)
    else:
        reopen_last_dossier(window, settings)
    fit_to_screen(window)
    show_window(window, settings)
    setup_logging()  # after the window is up: keeps start-up fast
    log.info("window shown")
    from ui.memory import MemoryKeeper

    window.memory_keeper = MemoryKeeper(window)
    if marker is not None:
        follow_dossier(window, marker)
    if unclean and not args.smoke:
        QTimer.singleShot(0, lambda: report_unclean_exit(window, unclean, log_file.parent))

    if args.smoke:
        status = run_smoke(app, window, args.screenshots)
    else:
        status = app.exec()
        from ui.jobs import finish_jobs

        finish_jobs()
    if marker is not None:
        from desktop.crash import clear_running

        clear_running(marker)
    return status


def watch_for_crashes(args: argparse.Namespace, logs_dir: Path):
    """Native tracebacks to crash.log; find earlier runs that did not close; mark this one.
    Returns (unclean exits, this run's marker or None for --smoke)."""
    from desktop.crash import enable_fault_log, mark_running, take_unclean_exits
    from desktop.paths import data_dir

    try:
        enable_fault_log(logs_dir)
        if args.smoke:
            return [], None
        unclean = take_unclean_exits(data_dir(), logs_dir)
        return unclean, mark_running(data_dir())
    except OSError as exc:  # a read-only data folder must not stop the app
        log.warning("crash watch unavailable: %s", exc)
        return [], None


def follow_dossier(window, marker: Path) -> None:
    """Keep the dossier now open in this run's marker: a crash notice names it."""
    from desktop.crash import update_running

    def changed(session) -> None:
        update_running(marker, str(session.root) if session is not None else "")

    window.session_changed.connect(changed)
    changed(window.session)


def report_unclean_exit(window, unclean, logs_dir: Path) -> None:
    from desktop.crash import native_traceback
    from ui.crash_notice import show_crash_notice

    last = max(unclean, key=lambda exit: exit.started)
    trace = native_traceback(last)
    log.error("the previous run (process %d) ended unexpectedly\n%s", last.pid, trace)
    window.crash_notice = show_crash_notice(
        window, last.started, last.dossier, logs_dir, window.context.dialogs.open_path
    )


def show_window(window, settings) -> None:
    """As the user left it: maximised or not (remembered when it changes)."""
    if settings.get("window_maximized"):
        window.showMaximized()
    else:
        window.show()


def reopen_last_dossier(window, settings) -> None:
    """Open the dossier used last, at the step where the user left it."""
    recent = settings.get("recent_dossiers")
    from dossier import is_dossier_folder

    if recent and is_dossier_folder(Path(recent[0])):
        window.open_dossier(Path(recent[0]))


def save_screenshot(app, window, path: Path) -> None:
    """The window as the screen shows it (the platform's own grab), else as Qt renders it;
    taken once the page's background jobs (a form opening, a list loading) have reported."""
    import time

    from ui.jobs import running_jobs

    start = time.monotonic()
    settled = None
    while time.monotonic() - start < 20:
        app.processEvents()
        if running_jobs():
            settled = None
        elif settled is None:
            settled = time.monotonic()
        elif time.monotonic() - settled > 0.3:  # let the platform paint the last results
            break
        time.sleep(0.02)
    screen = window.screen()
    image = screen.grabWindow(window.winId()) if screen is not None else None
    if image is None or image.isNull():
        image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), "PNG")


def run_smoke(app, window, screenshots: Path | None = None) -> int:
    """Build every page, visit every step, process events, report and exit; with `screenshots`
    a folder, save a PNG of the window at every step there."""
    from ui.error_dialog import shown_dialogs

    window.create_all_pages()
    for number, step_id in enumerate(window.step_ids(), 1):
        window.go_to(step_id)
        app.processEvents()
        if screenshots is not None:
            save_screenshot(app, window, screenshots / f"{number:02d}-{step_id}.png")
    if window.session is not None:
        window.session.flush()
    app.processEvents()
    errors = shown_dialogs()
    if errors:
        print(f"smoke: {len(errors)} error dialog(s)", file=sys.stderr)
        return 1
    available = window.screen().availableGeometry()
    from ui.jobs import finish_jobs

    finish_jobs()
    print(
        f"smoke: ok, device pixel ratio {window.devicePixelRatioF():g}, window "
        f"{window.width()}x{window.height()} on {available.width()}x{available.height()}",
        flush=True,
    )
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
