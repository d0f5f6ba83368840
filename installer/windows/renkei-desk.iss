; Inno Setup script of the Windows installer: renkei-desk-setup-<version>.exe.
; Build on Windows after the bundle (see installer/README.md):
;   installer\build.sh (or: python -m PyInstaller installer\renkei-desk.spec)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\renkei-desk.iss
;
; Per-machine install into Program Files; Start-menu shortcuts for the desk and its training
; database, a desktop shortcut (a task, ticked by default). The program keeps its data in each
; user's %LOCALAPPDATA%\renkei-desk\renkei-desk\ (database, upgrade backups, logs), never in
; Program Files, so an upgrade replaces the program in place and leaves the data alone, and
; uninstalling keeps it unless the person asks (or /DELETEDATA is given to a silent uninstall).
; tests/test_installer_files.py keeps AppVersion equal to pyproject's version and every bundle
; path named here present in the bundle.

#define AppName "連携デスク"
#define AppNameEn "Renkei Desk"
#define AppVersion "0.1.0"
#define AppExe "renkei-desk.exe"
#define BundleDir "..\..\dist\renkei-desk"
#define DataFolder "renkei-desk"

[Setup]
; The same AppId in every version: a newer installer upgrades the installed program in place.
AppId={{5B0E6E1C-3C55-4E1B-9E1A-7D2A8C4E9F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=港区 企画経営部 全国連携推進担当
DefaultDirName={autopf}\RenkeiDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=renkei-desk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName} ({#AppNameEn}) {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; A desk still open during an upgrade is asked to close (Restart Manager), then reopened.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.Training=（研修用）
english.Training= (Training)
japanese.DeleteData=この PC の利用者のデータ（データベース・更新前の写し・ログ）も削除しますか？%n%n削除したデータは元に戻せません。残しておけば、再インストールした後にそのまま使えます。
english.DeleteData=Also delete this user's data (database, backups, logs)?%n%nDeleted data cannot be recovered. Kept, it is used again after a reinstall.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Upgrade in place: the previous build's modules go first, so none of them lingers beside the
; new ones. The data is not here and is not touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{#AppName}{cm:Training}"; Filename: "{app}\{#AppExe}"; Parameters: "gui --training"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
// Uninstall keeps every user's data unless asked: interactively a question (default No);
// silently only with /DELETEDATA. Only the data of the user running the uninstaller is
// deleted (%LOCALAPPDATA%\renkei-desk, and %APPDATA%\renkei-desk with the window settings).
function DeleteDataWanted(): Boolean;
begin
  if UninstallSilent() then
    Result := Pos('/DELETEDATA', Uppercase(GetCmdTail())) > 0
  else
    Result := MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteDataWanted() then
  begin
    DelTree(ExpandConstant('{localappdata}\{#DataFolder}'), True, True, True);
    DelTree(ExpandConstant('{userappdata}\{#DataFolder}'), True, True, True);
  end;
end;
