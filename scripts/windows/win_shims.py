"""The test-only DLLs Wine 8.0 lacks, written and built with mingw-w64 into a Wine prefix.

Usage: `python3 scripts/windows/win_shims.py WINEPREFIX`, then run Wine with
WINEDLLOVERRIDES="ucrtbase=n,b;mscms=n,b". They stand in for Windows, not for the app: they live
in the prefix's system32, which PyInstaller treats as the system's, so none goes into the bundle
(scripts/windows/windows-test.sh checks it). Never ship them.

  icuuc.dll             Windows' system ICU converters (Qt6Core imports 20 ucnv_* functions);
                        Wine has no ICU. Every converter fails to open: Qt falls back to UTF-8.
  ucrtbase.dll          a proxy of Wine's ucrtbase (copied as ucrtwine.dll) adding the C99
                        complex functions (crealf, cimag, cexp, ...) that are stubs in Wine 8.0;
                        numpy 2.x calls them on import.
  mscms.dll             a proxy of Wine's mscms (copied as mscmswine.dll) adding
                        WcsCreateIccProfile, which Qt's "windows" platform plugin calls.
  bcryptprimitives.dll  ProcessPrng, which Rust >= 1.78 programs import (cryptography's
                        _rust.pyd); Wine 8.0 has none.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WINE_DLLS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")
CC = "x86_64-w64-mingw32-gcc"

ICUUC = r"""
#include <stddef.h>
typedef int UErrorCode; typedef unsigned short UChar; typedef signed char UBool;
#define E __declspec(dllexport)
/* U_FILE_ACCESS_ERROR */
static int fail(UErrorCode *e) { if (e && *e <= 0) *e = 4; return 0; }
E void *ucnv_open(const char *n, UErrorCode *e) { fail(e); return NULL; }
E void ucnv_close(void *c) {}
E void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const UChar *c, int d, int f,
                                       int r, UErrorCode *e) {}
E void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const char *c, int d, int r,
                                     UErrorCode *e) {}
E void ucnv_reset(void *c) {}
E signed char ucnv_getMaxCharSize(const void *c) { return 1; }
E const char *ucnv_getName(const void *c, UErrorCode *e) { fail(e); return NULL; }
E void ucnv_getToUCallBack(const void *c, void **a, const void **b)
  { if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_getFromUCallBack(const void *c, void **a, const void **b)
  { if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                           UErrorCode *e) { fail(e); }
E void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                             UErrorCode *e) { fail(e); }
E void ucnv_cbToUWriteUChars(void *a, const UChar *s, int l, int o, UErrorCode *e) { fail(e); }
E void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int *o,
                      UBool f, UErrorCode *e) { fail(e); }
E void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *sl, int o, UErrorCode *e)
  { fail(e); }
E int ucnv_toUCountPending(const void *c, UErrorCode *e) { fail(e); return 0; }
E int ucnv_fromUCountPending(const void *c, UErrorCode *e) { fail(e); return 0; }
E const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e)
  { fail(e); return NULL; }
E const char *ucnv_getAvailableName(int i) { return NULL; }
E int ucnv_countAvailable(void) { return 0; }
E void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl,
                        int *o, UBool f, UErrorCode *e) { fail(e); }
"""

# MSVC's _Dcomplex/_Fcomplex are structs; long double is double on MSVC (the "l" variants)
UCRT_PRELUDE = """#include <complex.h>
#include <math.h>
typedef struct { double v[2]; } Dc; typedef struct { float v[2]; } Fc;
#define E __declspec(dllexport)
static double _Complex D(Dc z){ return __builtin_complex(z.v[0], z.v[1]); }
static Dc DD(double _Complex z){ Dc r = {{creal(z), cimag(z)}}; return r; }
static float _Complex F(Fc z){ return __builtin_complex(z.v[0], z.v[1]); }
static Fc FF(float _Complex z){ Fc r = {{crealf(z), cimagf(z)}}; return r; }
static double _Complex my_clog10(double _Complex z){ return clog(z) / log(10.0); }
static float _Complex my_clog10f(float _Complex z){ return clogf(z) / logf(10.0f); }
static double my_norm(double _Complex z){ double a = cabs(z); return a * a; }
static float my_normf(float _Complex z){ float a = cabsf(z); return a * a; }
E Dc x_cpow(Dc a, Dc b){ return DD(cpow(D(a), D(b))); }
E Dc x_cpowl(Dc a, Dc b){ return DD(cpow(D(a), D(b))); }
E Fc x_cpowf(Fc a, Fc b){ return FF(cpowf(F(a), F(b))); }
"""
COMPLEX_TO_COMPLEX = (
    "cacos", "cacosh", "casin", "casinh", "catan", "catanh", "ccos", "ccosh", "cexp", "clog",
    "csin", "csinh", "csqrt", "ctan", "ctanh", "cproj", "conj", "clog10",
)  # fmt: skip
COMPLEX_TO_REAL = ("cabs", "carg", "cimag", "creal", "norm")

BCRYPTPRIMITIVES = """#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL ProcessPrng(PBYTE p, SIZE_T n) {
  while (n) {
    ULONG k = n > 0x10000000 ? 0x10000000 : (ULONG)n;
    if (!RtlGenRandom(p, k)) return FALSE;
    p += k; n -= k;
  }
  return TRUE;
}
"""

MSCMS = """#include <windows.h>
__declspec(dllexport) HANDLE x_WcsCreateIccProfile(HANDLE h, DWORD f)
  { SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
"""


def exports(dll: Path) -> list[str]:
    """The exported names of a DLL (objdump's export table)."""
    out = subprocess.run(["objdump", "-p", str(dll)], capture_output=True, text=True, check=True)
    table = out.stdout.split("[Ordinal/Name Pointer] Table", 1)[1].split("\n\n", 1)[0]
    lines = table.strip().splitlines()
    return [line.split("]", 1)[1].strip() for line in lines if "]" in line]


def ucrt_source() -> tuple[str, set[str]]:
    """C source of the complex functions and the names it implements."""
    lines = [UCRT_PRELUDE]
    implemented = {"cpow", "cpowl", "cpowf"}
    for name in COMPLEX_TO_COMPLEX:
        body = "my_clog10" if name == "clog10" else name
        lines += [
            f"E Dc x_{name}(Dc z){{ return DD({body}(D(z))); }}",
            f"E Dc x_{name}l(Dc z){{ return DD({body}(D(z))); }}",
            f"E Fc x_{name}f(Fc z){{ return FF({body}f(F(z))); }}",
        ]
        implemented |= {name, name + "l", name + "f"}
    for name in COMPLEX_TO_REAL:
        body = "my_norm" if name == "norm" else name
        lines += [
            f"E double x_{name}(Dc z){{ return {body}(D(z)); }}",
            f"E double x_{name}l(Dc z){{ return {body}(D(z)); }}",
            f"E float x_{name}f(Fc z){{ return {body}f(F(z)); }}",
        ]
        implemented |= {name, name + "l", name + "f"}
    return "\n".join(lines) + "\n", implemented


def compile_dll(output: Path, sources: list[Path], *libraries: str) -> None:
    command = [CC, "-O2", "-shared", "-s", "-static-libgcc", "-o", str(output)]
    subprocess.run([*command, *map(str, sources), *libraries], check=True)


def proxy(name: str, source: str, implemented: set[str], sys32: Path, tmp: Path) -> None:
    """name.dll forwarding every export of Wine's own copy (renamed) but the implemented ones."""
    renamed = "ucrtwine" if name == "ucrtbase" else f"{name}wine"
    names = exports(WINE_DLLS / f"{name}.dll")
    lines = [f"LIBRARY {name}.dll", "EXPORTS"]
    lines += [f"  {n}=x_{n}" if n in implemented else f"  {n}={renamed}.{n}" for n in names]
    lines += [f"  {n}=x_{n}" for n in sorted(implemented - set(names))]
    (tmp / f"{name}.def").write_text("\n".join(lines) + "\n")
    (tmp / f"{name}.c").write_text(source)
    compile_dll(tmp / f"{name}.dll", [tmp / f"{name}.c", tmp / f"{name}.def"], "-lm")
    shutil.copy(WINE_DLLS / f"{name}.dll", sys32 / f"{renamed}.dll")
    shutil.copy(tmp / f"{name}.dll", sys32 / f"{name}.dll")


SHIMS = ("icuuc.dll", "bcryptprimitives.dll", "ucrtbase.dll", "mscms.dll")


def main(argv: list[str]) -> int:
    sys32 = Path(argv[0]) / "drive_c" / "windows" / "system32"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "icuuc.c").write_text(ICUUC)
        compile_dll(sys32 / "icuuc.dll", [tmp / "icuuc.c"])
        (tmp / "bcp.c").write_text(BCRYPTPRIMITIVES)
        compile_dll(sys32 / "bcryptprimitives.dll", [tmp / "bcp.c"], "-ladvapi32")
        source, implemented = ucrt_source()
        proxy("ucrtbase", source, implemented, sys32, tmp)
        proxy("mscms", MSCMS, {"WcsCreateIccProfile"}, sys32, tmp)
    print("shims in", sys32, ":", ", ".join(SHIMS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
