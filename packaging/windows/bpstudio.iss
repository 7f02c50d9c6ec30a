; Inno Setup 6 script for BP Studio on Windows. NOT BUILT OR TESTED in this project's CI (Linux).
; Input: the PyInstaller one-folder bundle in build\packaging\pyinstaller-dist\bpstudio\ (made by
; packaging\windows\build.ps1). Output: dist\bpstudio-<version>-setup.exe, a per-user or
; per-machine installer with a Start-menu entry and an uninstaller.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\bpstudio.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6F1B8E7C-3C52-4E0B-9B8F-2A6C0B5D4E11}
AppName=BP Studio
AppVersion={#AppVersion}
AppPublisher=The BP Studio developers
DefaultDirName={autopf}\BP Studio
DefaultGroupName=BP Studio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=bpstudio-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\bpstudio.ico
UninstallDisplayIcon={app}\bpstudio.exe
LicenseFile={#Root}\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\build\packaging\pyinstaller-dist\bpstudio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"

[Icons]
Name: "{autoprograms}\BP Studio"; Filename: "{app}\bpstudio.exe"
Name: "{autodesktop}\BP Studio"; Filename: "{app}\bpstudio.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\bpstudio.exe"; Description: "{cm:LaunchProgram,BP Studio}"; Flags: nowait postinstall skipifsilent
