"""Cheap checks of the static packaging files (the full build is packaging/smoke_test.sh).

The PyInstaller spec is executed with stand-ins for PyInstaller's objects, so that its filters
are tested without PyInstaller installed; the desktop entry, AppStream metadata, control
template and copyright file are parsed; the app icon is rendered with QtSvg.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.bpstudio.BPStudio"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SVG = ROOT / "bpstudio" / "resources" / "icons" / "bpstudio.svg"

# What Qt's xcb platform plugin loads from the system (the list, plus the rest that
# `ldd libqxcb.so` shows); the bundle does not carry them, so the .deb must depend on them.
REQUIRED_DEPENDS = {
    "libgl1", "libegl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0",
    "libx11-6", "libx11-xcb1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0",
    "libxcb-sync1", "libxcb-xfixes0", "libxcb-xkb1", "libxcb-glx0", "libxcb-util1",
}  # fmt: skip


def _load(path: Path, name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the PyInstaller spec


class _Analysis:
    """Stands in for PyInstaller's Analysis: records its arguments, offers sample TOC entries."""

    def __init__(self, scripts, **kwargs):
        self.scripts = scripts
        self.kwargs = kwargs
        self.pure = []
        qt = "PySide6/Qt"
        venv = "/build/venv/lib/python3.11/site-packages"

        def wheel(rel: str) -> tuple[str, str, str]:
            return (rel, f"{venv}/{rel}", "BINARY")

        dynload = "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so"
        self.binaries = [
            wheel(f"{qt}/plugins/platforms/libqxcb.so"),
            wheel(f"{qt}/plugins/platforms/libqoffscreen.so"),
            wheel(f"{qt}/plugins/platforms/libqvnc.so"),
            wheel(f"{qt}/plugins/platformthemes/libqgtk3.so"),
            wheel(f"{qt}/lib/libQt6Network.so.6"),
            wheel(f"{qt}/lib/libQt6OpenGL.so.6"),
            wheel("numpy.libs/libscipy_openblas64_.so"),
            ("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "BINARY"),
            ("libxcb-cursor.so.0", "/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"),
            ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY"),
            (dynload, f"/usr/lib/{dynload}", "EXTENSION"),
        ]
        self.datas = [
            (f"{qt}/translations/qtbase_de.qm", "x", "DATA"),
            (f"{qt}/translations/qtbase_zh_CN.qm", "x", "DATA"),
            (f"{qt}/translations/qtbase_en.qm", "x", "DATA"),
            ("bpstudio/resources/examples/seed.json", "x", "DATA"),
        ]


@pytest.fixture
def spec_run(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Execute packaging/bpstudio.spec (as on Linux) with stand-ins for PyInstaller."""
    calls: dict = {"collect_data_files": [], "copy_metadata": []}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda pkg, **kw: calls["collect_data_files"].append(pkg) or []
    hooks.copy_metadata = lambda dist, **kw: calls["copy_metadata"].append(dist) or []
    hooks.collect_submodules = lambda pkg, **kw: [pkg]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("BPSTUDIO_BUNDLE_SYSTEM_LIBS", raising=False)
    made: dict = {}

    def record(kind):
        def make(*args, **kwargs):
            made[kind] = (args, kwargs)
            return kind

        return make

    namespace = {
        "SPECPATH": str(PACKAGING),
        "Analysis": _Analysis,
        "PYZ": record("PYZ"),
        "EXE": record("EXE"),
        "COLLECT": record("COLLECT"),
        "BUNDLE": record("BUNDLE"),
    }
    source = (PACKAGING / "bpstudio.spec").read_text()
    exec(compile(source, "bpstudio.spec", "exec"), namespace)
    return {"ns": namespace, "calls": calls, "made": made}


def test_spec_builds_one_folder_unstripped_with_resources_and_metadata(spec_run):
    made, calls = spec_run["made"], spec_run["calls"]
    exe_kwargs = made["EXE"][1]
    assert exe_kwargs["exclude_binaries"] is True, "one-folder: binaries go to COLLECT"
    assert exe_kwargs["strip"] is False and made["COLLECT"][1]["strip"] is False
    assert exe_kwargs["upx"] is False
    assert "onefile" not in made["EXE"][1]
    assert "BUNDLE" not in made, "the .app bundle is for macOS only"
    assert "bpstudio" in calls["collect_data_files"]
    assert "bpstudio" in calls["copy_metadata"], "bpstudio.__version__ needs the metadata"
    entry = Path(spec_run["ns"]["a"].scripts[0])
    assert entry.exists()


def test_spec_keeps_the_qt_modules_the_app_and_pyqtgraph_need(spec_run):
    excludes = set(spec_run["ns"]["a"].kwargs["excludes"])
    for needed in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets"):
        assert f"PySide6.{needed}" not in excludes
    assert "PySide6.QtNetwork" in excludes and "tkinter" in excludes


def test_spec_filters_plugins_system_libraries_and_translations(spec_run):
    a = spec_run["ns"]["a"]
    kept = {dest for dest, *_ in a.binaries}
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in kept
    assert "PySide6/Qt/plugins/platforms/libqoffscreen.so" in kept
    assert "PySide6/Qt/lib/libQt6OpenGL.so.6" in kept
    assert "libpython3.11.so.1.0" in kept, "the bundle carries its own Python"
    assert "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so" in kept
    assert "numpy.libs/libscipy_openblas64_.so" in kept
    for dropped in (
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "libX11.so.6",  # from the system: a Depends of the .deb instead
        "libxcb-cursor.so.0",
    ):
        assert dropped not in kept, dropped
    datas = {dest for dest, *_ in a.datas}
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in datas
    assert "PySide6/Qt/translations/qtbase_en.qm" in datas
    assert "PySide6/Qt/translations/qtbase_de.qm" not in datas
    assert "bpstudio/resources/examples/seed.json" in datas


# --- Linux desktop integration


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_keys():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "BP Studio"
    assert entry["Exec"].split()[0] == "bpstudio"
    assert entry["Icon"] == "bpstudio"
    assert entry["Terminal"] == "false"
    assert "Education" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    assert "Name[zh_CN]" in entry and "Comment" in entry


def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_is_well_formed_and_matches_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    versions = [r.get("version") for r in root.iter("release")]
    assert versions, "at least one <release>"


def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_control_template_depends_on_the_xcb_libraries_and_a_cjk_font():
    check = _load(LINUX / "check_depends.py", "bpstudio_check_depends")
    control = LINUX / "control.in"
    depends = check.depends_of(control)
    assert depends >= REQUIRED_DEPENDS, sorted(REQUIRED_DEPENDS - depends)
    text = control.read_text()
    assert "fonts-noto-cjk | fonts-wqy-microhei" in text
    for field in ("Package: bpstudio", "Version: @VERSION@", "Architecture: @ARCH@"):
        assert field in text
    assert not any(name.startswith(("python3", "libpython")) for name in depends), (
        "the bundle carries its own Python"
    )


def test_copyright_is_dep5_with_the_bundled_licences():
    text = (LINUX / "copyright").read_text()
    assert text.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    )
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    files_licences = {
        line.split(":", 1)[1].strip().split()[0]
        for p in paragraphs
        if p.startswith("Files:")
        for line in p.splitlines()
        if line.startswith("License:")
    }
    for licence in ("MIT", "LGPL-3.0-only", "BSD-3-Clause", "PSF-2.0"):
        assert licence in files_licences
    standalone = {
        p.splitlines()[0].split(":", 1)[1].strip() for p in paragraphs if p.startswith("License:")
    }
    assert {"MIT", "BSD-3-Clause"} <= standalone, "full texts of licences not in common-licenses"
    assert "MIT License" in (ROOT / "LICENSE").read_text()


def test_changelog_names_the_package_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    first = (LINUX / "changelog").read_text().splitlines()[0]
    assert first.startswith("bpstudio (") and "urgency=" in first
    # build_deb.sh adds an entry when the top one is older; this keeps the file honest.
    assert f"({version})" in first, f"add a packaging/linux/changelog entry for {version}"


@pytest.mark.parametrize("script", ["build_deb.sh", "smoke_test.sh"])
def test_shell_scripts_parse(script):
    result = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- the icon


@pytest.mark.parametrize("size", [16, 48, 256])
def test_icon_svg_renders_to_a_non_blank_image(qapp, size):
    icons = _load(PACKAGING / "render_icons.py", "bpstudio_render_icons")
    image = icons.render(ICON_SVG, size)
    assert (image.width(), image.height()) == (size, size)
    assert icons.distinct_colours(image) >= (8 if size <= 16 else 32)
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() > 0, "the tile is opaque in the middle"


# --- the manual page, written from the command line's own help


def test_the_manual_page_documents_every_verb_and_option_and_man_reads_it_cleanly(tmp_path):
    from bpstudio.cli import build_parser

    make = _load(LINUX / "make_manpage.py", "bpstudio_make_manpage")
    page = tmp_path / "bpstudio.1"
    assert make.main([str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith(".TH BPSTUDIO 1 ") and "\n.SH NAME\nbpstudio \\- " in text
    verbs = make._subcommands(build_parser())
    assert {"train", "derive"} <= set(verbs)
    for name, (_summary, sub) in verbs.items():
        assert f'.SH "{name.upper()} COMMAND"' in text
        for action in make._options(sub):
            for option in action.option_strings:
                assert make.roff(option) in text, f"{name} {option} missing from the manual"
    assert "\\-\\-self\\-test\\-screenshot" in text and "\\-\\-version" in text
    if shutil.which("man"):  # lintian reads the page the same way and reports any warning
        env = {"LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            ["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", str(page)],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_control_template_has_no_overlong_description_line():
    text = (LINUX / "control.in").read_text()
    description = text.split("\nDescription:", 1)[1].split("\nDepends:", 1)[0]
    for line in description.splitlines()[1:]:
        assert len(line) <= 80, f"lintian: extended-description-line-too-long: {line!r}"
