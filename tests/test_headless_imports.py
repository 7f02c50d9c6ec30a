"""The numeric model and the headless command line never load Qt or pyqtgraph.

Each check runs in a fresh interpreter: this test process has Qt loaded already (conftest).
"""

import ast
import subprocess
import sys

GUI_PREFIXES = ("PySide6", "shiboken6", "pyqtgraph")


def _gui_modules_loaded_by(code: str) -> list[str]:
    report = (
        f"import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in {GUI_PREFIXES!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{report}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_importing_model_and_cli_loads_no_qt_or_pyqtgraph():
    assert _gui_modules_loaded_by("import bpstudio.model, bpstudio.cli") == []


def test_train_help_loads_no_qt_widgets():
    code = (
        "import contextlib, io, bpstudio.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        bpstudio.cli.main(['train', '--help'])\n"
        "    except SystemExit as exit_:\n"
        "        assert exit_.code in (0, None), exit_.code\n"
        "assert 'usage' in out.getvalue().lower(), out.getvalue()"
    )
    loaded = _gui_modules_loaded_by(code)
    assert "PySide6.QtWidgets" not in loaded
    assert loaded == []


def test_exercise_sheets_load_no_qt(tmp_path):
    from pathlib import Path

    seed = str(Path(__file__).resolve().parents[1] / "resources" / "examples" / "seed.json")
    code = (
        "import bpstudio.cli\n"
        f"assert bpstudio.cli.main(['exercise', {seed!r}, '--students', '2',"
        f" '--format', 'json', '--out', {str(tmp_path)!r}]) == 0"
    )
    assert _gui_modules_loaded_by(code) == []
