# Build the BP Studio Windows installer. NOT BUILT OR TESTED in this project's CI (Linux).
# Needs: Python 3.11+ (python.org, 64-bit) on PATH as `py`, Inno Setup 6 (`iscc` on PATH).
# Run from anywhere:   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: dist\bpstudio-<version>-setup.exe
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
$Work = "build\packaging"
New-Item -ItemType Directory -Force $Work, "build\icons" | Out-Null

if (-not (Test-Path "$Work\venv-win")) { py -3.11 -m venv "$Work\venv-win" }
$Py = "$Work\venv-win\Scripts\python.exe"
& $Py -m pip install "pyinstaller>=6.10,<7" "pillow" .
& $Py -m pip install --no-deps --force-reinstall .
$Version = & $Py -c "import bpstudio; print(bpstudio.__version__)"

# The .ico: the hicolor PNGs rendered from the SVG, packed by Pillow.
& $Py packaging\render_icons.py build\icons --sizes 16,24,32,48,64,128,256
& $Py -c "from PIL import Image; s=[16,24,32,48,64,128,256]; im=Image.open('build/icons/256x256/bpstudio.png'); im.save('build/icons/bpstudio.ico', sizes=[(n,n) for n in s])"

Push-Location $Work
& "$Root\$Work\venv-win\Scripts\pyinstaller.exe" --noconfirm --distpath pyinstaller-dist --workpath pyinstaller-work "$Root\packaging\bpstudio.spec"
Pop-Location

iscc "/DAppVersion=$Version" packaging\windows\bpstudio.iss
Write-Host "dist\bpstudio-$Version-setup.exe"
