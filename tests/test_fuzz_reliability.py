"""Issue 21's fuzz run: generated bad inputs through `bpstudio train`, `bpstudio derive`, the
project loader and the CSV importer, in-process.  For every input:

- no traceback: only the documented refusals (ProjectFileError, CsvImportError; on the
  command line exit 2 with a message, 3 for a divergence, argparse's own exit 2);
- no hang: each input is answered within HANG_S seconds (an interval timer interrupts it);
- no write outside the named output: the working folder holds nothing new but ``--out``.

About 1,000 inputs in the normal run (within a minute); the long profile is run by hand:
``BPSTUDIO_FUZZ_EXAMPLES=10000 python -m pytest -q -p no:cacheprovider
tests/test_fuzz_reliability.py -s`` (figures in docs/reliability.md).  The share of each
target is fixed below; ``-s`` prints the count of each outcome.
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import os
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.cli import main
from bpstudio.model.data.csv_io import CsvImportError, import_csv
from bpstudio.model.examples import example_path
from bpstudio.model.project import dumps, load_project
from bpstudio.model.validation import ProjectFileError

TOTAL = int(os.environ.get("BPSTUDIO_FUZZ_EXAMPLES", "1000"))
LONG = TOTAL > 1000
SHARES = {"loader": 0.35, "csv": 0.25, "train": 0.2, "derive": 0.2}
HANG_S = 5.0
SMALL_EXAMPLES = ("seed", "xor", "and_gate", "sine")  # spirals' HTML handout alone takes ~20 s
VALID = {
    name: json.loads(example_path(name).read_text(encoding="utf-8")) for name in SMALL_EXAMPLES
}
OUTCOMES: collections.Counter = collections.Counter()


def fuzz(share: str):
    return settings(
        max_examples=max(10, round(TOTAL * SHARES[share])),
        deadline=None,  # the interval timer below is the hang check (a deadline cannot stop one)
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


class HangError(Exception):
    pass


@contextlib.contextmanager
def answered_within(seconds: float = HANG_S):
    def on_alarm(_signum, _frame):
        raise HangError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module", autouse=True)
def report_outcomes():
    yield
    print("\nfuzz outcomes:", dict(sorted(OUTCOMES.items())))


# nasty values -------------------------------------------------------------------------------
NASTY_NUMBERS = st.sampled_from(
    [0, -1, 1, 2**31 - 1, 2**31, 2**63, 2**64 + 1, 10**400, -(10**400), 1e308, -1e308, 5e-324,
     1e200, -1e200, 0.5, 1.5, -0.0, 34.5]
)  # fmt: skip
NASTY_TEXT = st.sampled_from(
    ["", "x", "\ud800", "a\udfffb", "\x00", "../../etc/passwd", "/dev/zero", "NaN", "1e999",
     "softmax", "cross_entropy", "sigmoid", "relu", "linear", "uniform", "\u202e", "é" * 50]
)  # fmt: skip
JSON_LEAVES = (
    st.none()
    | st.booleans()
    | NASTY_NUMBERS
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | NASTY_TEXT
    | st.text(max_size=6)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths_of(value, prefix=()):
    """Every path (keys and indices) inside a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:6]):
            yield from paths_of(item, (*prefix, i))


def _at(data, path):
    for key in path:
        data = data[key]
    return data


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def deep(depth: int) -> str:
    """A view nested ``depth`` levels, as text (json.dumps itself cannot nest 5,000 deep)."""
    return '{"a": ' * depth + "{}" + "}" * depth


@st.composite
def bad_projects(draw) -> bytes:
    """A small example with a few fields replaced by nasty values, or mangled bytes."""
    data = json.loads(json.dumps(VALID[draw(st.sampled_from(SMALL_EXAMPLES))]))
    kind = draw(st.sampled_from(["edit", "number", "number", "bytes", "deep", "valid", "valid"]))
    if kind == "deep":
        data["view"] = "__DEEP__"
    if kind == "edit":
        for _ in range(draw(st.integers(1, 3))):
            paths = [p for p in paths_of(data) if p]
            path = draw(st.sampled_from(paths))
            target = data
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = draw(JSON_VALUES)
    if kind == "number":  # a number where a number belongs: out of range, huge, negative...
        numbers = [p for p in paths_of(data) if p and _is_number(_at(data, p))]
        path = draw(st.sampled_from(numbers))
        _at(data, path[:-1])[path[-1]] = draw(NASTY_NUMBERS)
    text = json.dumps(data, allow_nan=True)
    if kind == "deep":
        text = text.replace('"__DEEP__"', deep(draw(st.sampled_from([31, 33, 500, 5000]))))
    raw = text.encode("utf-8", "surrogatepass")
    if kind == "bytes":
        where = draw(st.integers(0, len(raw) - 1))
        junk = draw(st.binary(min_size=0, max_size=8))
        raw = raw[:where] + junk + raw[where + draw(st.integers(0, 8)) :]
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw  # a byte order mark
    return raw


CSV_CELLS = st.sampled_from(
    ["0", "1", "-1", "0.5", "1e308", "1e999", "nan", "inf", "", " ", "cat", "dog", '"a,b"',
     '"x\ny"', "1,5", "\ud800", "\x00", "9" * 400, "é", "'", '"']
)  # fmt: skip


@st.composite
def bad_csvs(draw) -> bytes:
    n_cols = draw(st.integers(0, 6))
    numbers = st.sampled_from(["0", "1", "0.5", "-2", "3.25", "1e3"])
    cells = numbers | numbers | CSV_CELLS | st.text(max_size=5)
    width = st.sampled_from([n_cols, n_cols, n_cols, n_cols + 1, max(0, n_cols - 1)])
    rows = draw(st.lists(width.flatmap(lambda n: st.lists(cells, min_size=n, max_size=n)),
                         max_size=12))  # fmt: skip
    delimiter = draw(st.sampled_from([",", ";", "\t", " "]))
    text = "\n".join(delimiter.join(row) for row in rows)
    if draw(st.booleans()):
        text = (
            delimiter.join(
                draw(st.sampled_from(["a", "b", "label", "", "x"])) for _ in range(n_cols)
            )
            + "\n"
            + text
        )
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b""])) + raw
    return raw


def out_names(folder: Path):
    return st.sampled_from(
        ["", "out.json", "dir/", "missing/x.json", "p.json", "fifo", "sub", "out.md", "ro.json"]
    )


@contextlib.contextmanager
def playground(tmp_path_factory):
    """A fresh working folder with the special files a fuzzed --out may name."""
    folder = tmp_path_factory.mktemp("fuzz")
    os.mkfifo(folder / "fifo")
    (folder / "sub").mkdir()
    (folder / "ro.json").write_text("{}", encoding="utf-8")
    (folder / "ro.json").chmod(0o444)
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(old)


def listing(folder: Path) -> dict[str, bytes | None]:
    found = {}
    for path in folder.rglob("*"):
        name = str(path.relative_to(folder))
        found[name] = path.read_bytes() if path.is_file() and not path.is_fifo() else None
    return found


def run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing an option
            code = exc.code
    text = err.getvalue()
    assert "Traceback" not in text, text
    return code, text


def check_only_out_changed(before, after, out: str | None, code: int) -> None:
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    allowed = {os.path.normpath(out)} if out and code in (0, 3, 130) else set()
    assert changed <= allowed, f"wrote {sorted(changed - allowed)} (out: {out!r}, exit {code})"


# the loader ------------------------------------------------------------------------------------
@fuzz("loader")
@given(raw=bad_projects())
def test_the_loader_refuses_with_a_message_or_loads_what_saves(raw):
    with answered_within():
        try:
            project = _loads(raw)
        except ProjectFileError as exc:
            assert str(exc).strip()
            OUTCOMES["loader refused"] += 1
            return
        dumps(project).encode("utf-8")  # what loads must save
        OUTCOMES["loader loaded"] += 1


def _loads(raw: bytes):
    from bpstudio.model.project import loads

    return loads(raw)


# the CSV importer --------------------------------------------------------------------------------
@fuzz("csv")
@given(raw=bad_csvs())
def test_the_csv_importer_refuses_with_a_message_or_imports(raw, tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "data.csv"
    path.write_bytes(raw)
    with answered_within():
        try:
            imported = import_csv(path)
        except CsvImportError as exc:
            assert str(exc).strip()
            OUTCOMES["csv refused"] += 1
            return
        assert imported.dataset.n_samples >= 1
        OUTCOMES["csv imported"] += 1


# the command line --------------------------------------------------------------------------------
COUNTS = st.sampled_from(
    ["1", "3", "2", "1", "3", "0", "-2", "x", "", "2147483648", "9" * 40, "1e3"]
)


@fuzz("train")
@given(raw=bad_projects(), data=st.data())
def test_train_exits_cleanly_and_writes_only_its_out(raw, data, tmp_path_factory):
    with playground(tmp_path_factory) as folder:
        (folder / "p.json").write_bytes(raw)
        length = data.draw(st.sampled_from(["--steps", "--epochs"]))
        argv = ["train", "p.json", "--quiet", length, data.draw(COUNTS)]
        out = data.draw(st.none() | out_names(folder))
        if out is not None:
            argv += ["--out", out]
        before = listing(folder)
        with answered_within():
            code, _err = run_cli(argv)
        assert code in (0, 2, 3), code
        check_only_out_changed(before, listing(folder), out, code)
        if code == 0 and out:
            load_project(folder / out)  # what it wrote reopens
        OUTCOMES[f"train exit {code}"] += 1


@fuzz("derive")
@given(raw=bad_projects(), data=st.data())
def test_derive_exits_cleanly_and_writes_only_its_out(raw, data, tmp_path_factory):
    # HTML typesets every formula (about a second a small project): by hand only, 1 in 7
    formats = ["markdown", "latex", "json"] * 2 + (["html"] if LONG else [])
    with playground(tmp_path_factory) as folder:
        (folder / "p.json").write_bytes(raw)
        argv = ["derive", "p.json", "--format", data.draw(st.sampled_from(formats))]
        argv += ["--sample", data.draw(st.sampled_from(["1", "1", "1", "2", "0", "-1", "99", "x"]))]
        argv += ["--digits", data.draw(st.sampled_from(["4", "4", "2", "1", "17", "0", "99"]))]
        out = data.draw(st.none() | out_names(folder))
        if out is not None:
            argv += ["--out", out]
        before = listing(folder)
        with answered_within():
            code, _err = run_cli(argv)
        assert code in (0, 2), code
        check_only_out_changed(before, listing(folder), out, code)
        OUTCOMES[f"derive exit {code}"] += 1
