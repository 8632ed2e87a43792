; Inno Setup script of Mufakat: a setup file that installs the PyInstaller bundle dist\Mufakat.
;
; Build the bundle first (python scripts/build_bundle.py), then, from the repository root:
;   iscc /DMyAppVersion=0.1.0 installer\mufakat.iss
; where the version is app.__version__ (the Windows workflow passes it). Output:
;   dist\installer\Mufakat-Setup-<version>.exe
;
; Installs for the current user without administrator rights by default (the first page lets
; the user choose "all users" instead). The cooperative's data lives in %APPDATA%\Mufakat,
; outside the program folder: installing, upgrading and uninstalling never touch it.

#ifndef MyAppVersion
  #error Versi belum diberikan: iscc /DMyAppVersion=<app.__version__> installer\mufakat.iss
#endif
; The numeric a.b.c version for the file properties (a version like 0.2.0rc1 keeps 0.2.0).
#ifndef MyAppFileVersion
  #define MyAppFileVersion MyAppVersion
#endif

#define MyAppName "Mufakat"
#define MyAppExe "Mufakat.exe"
#define MyAppDescription "Simpan pinjam dan penanganan pinjaman bermasalah koperasi"
; The bundle to install; scripts/windows/build.sh passes /DBundleDir=<its dist\windows\Mufakat>.
#ifndef BundleDir
  #define BundleDir "..\dist\Mufakat"
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{D0C84118-7CE6-48D8-8723-64A0BD64E8CE}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher={#MyAppName}
AppComments={#MyAppDescription}
VersionInfoVersion={#MyAppFileVersion}
VersionInfoDescription={#MyAppName} Setup
; Per user by default ({autopf} is then %LOCALAPPDATA%\Programs); "all users" on request.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; An upgrade closes a running Mufakat first (it would hold its files open).
CloseApplications=yes
RestartApplications=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=Mufakat-Setup-{#MyAppVersion}
SetupIconFile=..\resources\icons\mufakat.ico
UninstallDisplayIcon={app}\{#MyAppExe}
UninstallDisplayName={#MyAppName} {#MyAppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
; Inno Setup ships no Indonesian translation: English as the base, Indonesian.isl on top.
Name: "id"; MessagesFile: "compiler:Default.isl,Indonesian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's libraries as a whole, so no file of an older version lingers.
; Only inside the program folder {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#MyAppName}"; Filename: "{app}\{#MyAppExe}"; Comment: "{#MyAppDescription}"
Name: "{group}\{#MyAppName} - Koperasi Contoh"; Filename: "{app}\{#MyAppExe}"; Parameters: "--demo"; Comment: "Latihan dengan koperasi contoh (data fiktif)"
Name: "{group}\{cm:UninstallProgram,{#MyAppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExe}"; Comment: "{#MyAppDescription}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExe}"; Description: "{cm:LaunchProgram,{#MyAppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes only what it installed. The
; data folder (%APPDATA%\Mufakat: databases, backups, attachments, settings) stays.

; The option "PC ini menjadi server kantor": only in a build that has the PostgreSQL add-on
; (scripts/windows/build.sh passes /DPgsqlDir=<dist\windows\pgsql> when it made one).
#ifdef PgsqlDir
  #include AddBackslash(SourcePath) + "server.iss"
#endif

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('Program Mufakat sudah dihapus.' + #13#10#13#10 +
      'Data koperasi Anda TIDAK dihapus dan tetap tersimpan di folder:' + #13#10 +
      ExpandConstant('{userappdata}\Mufakat') + #13#10#13#10 +
      'Bila Mufakat dipasang lagi, data itu langsung terbuka kembali.',
      mbInformation, MB_OK);
end;
