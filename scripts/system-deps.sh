#!/usr/bin/env bash
# Install the Debian packages a target needs, when they are missing and we are root.
# Usage: scripts/system-deps.sh run|test|bundle|windows
set -euo pipefail

RUN_PKGS="python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0"
# xdotool, x11-xserver-utils (xmodmap): `make walkthrough` drives the app through the X server.
# libreoffice-writer-nogui: Word forms' PDF and .doc conversion (tests run with and without it)
TEST_PKGS="$RUN_PKGS poppler-utils qpdf softhsm2 opensc libnss3-tools sane-utils xvfb xdotool
  x11-xserver-utils
  libreoffice-writer-nogui"
# PyInstaller reads libraries with ldd/objdump; build.spec strips with strip (binutils)
BUNDLE_PKGS="$TEST_PKGS binutils"
# `make windows-test` (scripts/windows/): Wine runs the Windows build; ISCC.exe and Setup.exe are
# 32-bit (wine32, i386 architecture); mingw-w64 builds the Wine-only shim DLLs; osslsigncode
# checks the Python Software Foundation's signature; npm fetches Inno Setup's compiler.
WINDOWS_PKGS="$BUNDLE_PKGS wine wine64 wine32:i386 xauth gcc-mingw-w64-x86-64 osslsigncode git"

case "${1:-test}" in
  run) wanted="$RUN_PKGS" ;;
  test) wanted="$TEST_PKGS" ;;
  bundle) wanted="$BUNDLE_PKGS" ;;
  windows) wanted="$WINDOWS_PKGS"
    # npm may come with another package (nodesource's nodejs carries it and conflicts with npm)
    command -v npm >/dev/null 2>&1 || wanted="$wanted npm" ;;
  *) echo "usage: $0 run|test|bundle|windows" >&2; exit 2 ;;
esac

missing=""
for pkg in $wanted; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages:$missing" >&2
  echo "Install them with: sudo apt-get install -y$missing" >&2
  exit 0  # not fatal: tests that need them skip with a reason
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian system; please install the equivalents of:$missing" >&2
  exit 0
fi
echo "Installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
case "$missing" in
  *:i386*) dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386 ;;
esac
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
