"""Setup shared by every test: a headless Qt, a throwaway home for settings, no leaked QThreads.

The environment is set at import time, before any test module (or pytest-qt's QApplication)
can import Qt: Qt reads QT_QPA_PLATFORM and the XDG folders once, when it starts.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SANDBOX = Path(tempfile.mkdtemp(prefix="bpstudio-tests-"))  # mode 0700, as Qt wants
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
    # XDG_RUNTIME_DIR too: when it is unset (as under root in CI) Qt emits a warning, and
    # Qt warnings fail tests here.
    _folder = _SANDBOX / _name.lower()
    _folder.mkdir(mode=0o700)
    os.environ[_name] = str(_folder)

_REAL_WINDOW_PLATFORMS = {"xcb", "wayland", "windows", "cocoa"}

# CI must give the same answer for the same commit: there Hypothesis draws the same examples
# every run (derandomize). On a developer's machine it keeps exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    platform = os.environ["QT_QPA_PLATFORM"].split(":")[0]
    if platform in _REAL_WINDOW_PLATFORMS:
        return
    skip = pytest.mark.skip(
        reason=f"needs a real window; QT_QPA_PLATFORM is {platform!r}. "
        "Run: xvfb-run -a env QT_QPA_PLATFORM=xcb python3 -m pytest -m xvfb"
    )
    for item in items:
        if "xvfb" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_main_thread():
    """As in the app (bpstudio/controller/gui_gc.py): a collection started by a background
    thread could destroy a Qt widget there; here the main thread collects, between tests."""
    import gc

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    from bpstudio.controller.gui_gc import collect_due

    yield
    collect_due()


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Point every QSettings at a temporary folder, under a test-only application name."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("BPStudioTests")
    QCoreApplication.setApplicationName("bpstudio-tests")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(folder / scope.name))
    # Tests start as a returning user: the first-start Getting started page stays closed.
    QSettings().setValue("help/gettingStartedSeen", True)


# --- QThreads left running -------------------------------------------------------------------
#
# A QThread still running when its C++ object is destroyed aborts the whole interpreter
# ("QThread: Destroyed while thread is still running"), usually in some later, innocent test.
# So every QThread.start() during a test is recorded, and a thread still running when the test
# ends fails that test, naming the line that started it.

_STARTED_THREADS = pytest.StashKey[list]()
_STOPPED_AT_TEARDOWN = pytest.StashKey[list]()


def _caller_outside_this_file() -> str:
    for frame in reversed(traceback.extract_stack()):
        if frame.filename != __file__:
            return f"{frame.filename}:{frame.lineno} in {frame.name}"
    return "<unknown>"


def _is_running(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # its C++ object is already deleted, so it is not running
        return False


def _stop(thread) -> None:
    try:
        thread.requestInterruption()
        thread.quit()
        thread.wait(5000)
    except RuntimeError:
        pass


@pytest.fixture(autouse=True)
def _fail_on_dangling_qthreads(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    from PySide6.QtCore import QThread

    # Strong references, not weak ones: a thread whose Python wrapper was dropped (it lives on
    # through its Qt parent) must still be checked. They are released when the test ends.
    started: list[tuple[QThread, str]] = []
    request.node.stash[_STARTED_THREADS] = started
    original_start = QThread.start

    def start_and_record(self, priority=QThread.Priority.InheritPriority):
        started.append((self, _caller_outside_this_file()))
        original_start(self, priority)

    monkeypatch.setattr(QThread, "start", start_and_record)
    yield
    leaked = list(request.node.stash.get(_STOPPED_AT_TEARDOWN, []))
    for thread, place in started:
        if _is_running(thread):
            leaked.append(place)
            _stop(thread)
    started.clear()
    assert not leaked, (
        "This test left QThread(s) running. Quit each thread and wait for it "
        "(qtbot.waitSignal(thread.finished)) before the test ends. Started at:\n  "
        + "\n  ".join(leaked)
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    # pytest-qt's teardown wrapper processes pending events before fixtures are finalised; a
    # queued deleteLater() of a running thread's parent would then abort the interpreter. This
    # wrapper runs first: it stops such threads and records them for the fixture to report.
    stopped = item.stash.setdefault(_STOPPED_AT_TEARDOWN, [])
    for thread, place in item.stash.get(_STARTED_THREADS, []):
        if _is_running(thread):
            stopped.append(f"{place} (still running at teardown; stopped)")
            _stop(thread)
    return (yield)
