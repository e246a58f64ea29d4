/* Stands in for x265 in the Windows bundle. pillow-heif's libheif links x265, an HEVC *encoder*
 * (libx265-<build>-<hash>.dll, 22.7 MB), for writing HEIC files; the app only reads HEIC photos
 * (libde265 decodes them) and never writes one. libheif imports these two functions only. With
 * no encoder API returned, libheif's x265 plugin reports HEIC writing as unsupported (its
 * "api == nullptr" paths) and everything else works as before. Built by
 * scripts/windows/windows-test.sh: x86_64-w64-mingw32-gcc -shared -O2 -s -DX265_BUILD=<build>
 * (the number in the real DLL's name), and swapped in by build.spec (HOSO_X265_STUB). */
#ifndef X265_BUILD
#error "define X265_BUILD: the build number in the real DLL's name, libx265-<build>-<hash>.dll"
#endif

#define API_GET_NAME(build) x265_api_get_##build
#define API_GET(build) API_GET_NAME(build)

__declspec(dllexport) const void *API_GET(X265_BUILD)(int bit_depth)
{
    (void)bit_depth;
    return 0;
}

__declspec(dllexport) void x265_cleanup(void) {}
