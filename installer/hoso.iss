; Inno Setup script of Hồ sơ số (Inno Setup 6.3 or newer: UTF-8 without BOM, x64compatible).
; Build on Windows after `pyinstaller build.spec` produced dist\hoso\, with Vietnamese.isl
; (Inno Setup's unofficial translation, Files/Languages/Unofficial/ in jrsoftware/issrc) beside
; this file:
;   iscc /DAppVersion=0.1.0 installer\hoso.iss      -> dist\installer\HoSoSo-0.1.0-setup.exe
; Per-user install by default (no admin rights); the user may choose "all users" when admin.
; Uninstalling keeps the dossiers and profiles unless the user asks to delete them (a question
; in the interactive uninstaller; /DELETEDATA on the command line of a silent one).
; Tested under Wine by `make windows-test` (scripts/windows/): /CURRENTUSER and /ALLUSERS.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Hồ sơ số"
#define AppExe "hoso-desktop.exe"
#define AppId "{{6C2F8E1A-3B7D-4E55-9A41-5D0C0DE00001}"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Hồ sơ số
AppCopyright=Hồ sơ số, MIT licence
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} — chuẩn bị hồ sơ dịch vụ công trực tuyến
; {autopf} is {localappdata}\Programs in per-user mode: named explicitly (InstallRoot below),
; because Wine cannot expand {userpf} ("Failed to expand shell folder constant")
DefaultDirName={code:InstallRoot}\HoSoSo
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; per-user by default; admins may install for all users
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=HoSoSo-{#AppVersion}-setup
; measured on the Windows bundle (298 MB, `make windows-test`): lzma2/max (8 MB dictionary)
; 93.7 MB; ultra64 (64 MB: the two executables' identical code archives compress once) 79.4 MB;
; with 273 fast bytes and a 128 MB dictionary 78.5 MB (ISCC 163 s instead of 133 s; Setup needs
; 128 MB of memory to unpack). The compressor runs in its own 64-bit process: ISCC itself is
; 32-bit and runs out of memory with ultra64.
Compression=lzma2/ultra64
LZMANumFastBytes=273
LZMADictionarySize=131072
LZMAUseSeparateProcess=yes
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\hoso.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; the running app is closed before its files are replaced (Restart Manager)
CloseApplications=yes
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
; Vietnamese.isl is Inno Setup's unofficial translation; the CI workflow fetches it beside this file.
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.DesktopIcon=Tạo biểu tượng trên màn hình
en.DesktopIcon=Create a desktop shortcut
vi.AssocHoso=Mở tệp hồ sơ .hoso bằng Hồ sơ số
en.AssocHoso=Open .hoso dossier files with Hồ sơ số
vi.HosoFile=Tệp hồ sơ Hồ sơ số
en.HosoFile=Hồ sơ số dossier file
vi.RemoveData=Xóa cả hồ sơ, hồ sơ cá nhân và cài đặt của bạn?%n%n%1%n%2%n%nChọn "Không" để giữ lại (khuyên dùng).
en.RemoveData=Also delete your dossiers, citizen profiles and settings?%n%n%1%n%2%n%nChoose "No" to keep them (recommended).

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"
Name: "assoc"; Description: "{cm:AssocHoso}"

[Files]
Source: "..\dist\hoso\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA = HKCU for a per-user install, HKLM for all users
Root: HKA; Subkey: "Software\Classes\.hoso"; ValueType: string; ValueName: ""; ValueData: "HoSoSo.Dossier"; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\HoSoSo.Dossier"; ValueType: string; ValueName: ""; ValueData: "{cm:HosoFile}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\HoSoSo.Dossier\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\HoSoSo.Dossier\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --import ""%1"""; Tasks: assoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// All users: the 64-bit Program Files; one user: the per-user programs folder that {autopf}
// means in that mode (Windows' FOLDERID_UserProgramFiles).
function InstallRoot(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{autopf}')
  else
    Result := ExpandConstant('{localappdata}\Programs');
end;

// True when the command line holds the switch (e.g. /DELETEDATA), in any case.
function HasSwitch(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

// The uninstaller keeps the user's dossiers and profiles unless the user asks to delete them:
// "Yes" to the question of the interactive uninstaller, or /DELETEDATA given to a silent one.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir, DossierDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{userappdata}\hoso\hoso');
    DossierDir := ExpandConstant('{userdocs}\Hồ sơ số');
    if HasSwitch('/DELETEDATA') or
       ((not UninstallSilent) and
        (MsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir, DossierDir]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES)) then
    begin
      DelTree(DataDir, True, True, True);
      DelTree(DossierDir, True, True, True);
    end;
  end;
end;
