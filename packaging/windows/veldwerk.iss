; Inno Setup 6 script: an installer for the PyInstaller bundle (pyinstaller build.spec ->
; dist\veldwerk with veldwerk.exe, the windowed GUI, and veldwerk-cli.exe, the console commands).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\veldwerk.iss     -> dist\veldwerk-0.1.0-setup.exe
;
; Per-user by default (no administrator needed; the inspector's laptop), per-machine when the
; user chooses so. The uninstaller removes every installed file; the user's database, settings
; and logs (in %LOCALAPPDATA%\Veldwerk) are the user's and stay.
; Built and tested only on the GitHub Windows runner (.github/workflows/windows.yml).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (veldwerk-cli --version prints it)
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6F1E2C55-8A4B-4C1B-9E0F-5C2D7A9B1E31}
AppName=Veldwerk
AppVersion={#AppVersion}
AppVerName=Veldwerk {#AppVersion}
AppPublisher=Veldwerk
DefaultDirName={autopf}\Veldwerk
DefaultGroupName=Veldwerk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=veldwerk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\veldwerk.ico
UninstallDisplayIcon={app}\veldwerk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.AddToPath=Opdrachtregel: veldwerk-cli toevoegen aan PATH
english.AddToPath=Command line: add veldwerk-cli to PATH

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\veldwerk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Veldwerk"; Filename: "{app}\veldwerk.exe"
Name: "{autodesktop}\Veldwerk"; Filename: "{app}\veldwerk.exe"; Tasks: desktopicon

[Registry]
; The user's PATH (or the machine's, in an administrative install); removed again on uninstall.
Root: HKA; Subkey: "{code:EnvironmentKey}"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\veldwerk.exe"; Description: "{cm:LaunchProgram,Veldwerk}"; Flags: nowait postinstall skipifsilent

[Code]
function EnvironmentKey(Param: string): string;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function RootKey(): Integer;
begin
  if IsAdminInstallMode then Result := HKEY_LOCAL_MACHINE else Result := HKEY_CURRENT_USER;
end;

function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(RootKey(), EnvironmentKey(''), 'Path', Paths) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then Exit;
  if not RegQueryStringValue(RootKey(), EnvironmentKey(''), 'Path', Paths) then Exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir), Uppercase(Paths));
  if P > 0 then
  begin
    Delete(Paths, P, Length(Dir) + 1);
    RegWriteExpandStringValue(RootKey(), EnvironmentKey(''), 'Path', Paths);
  end;
end;
