"""Compiled translations: the packaged .qm when it is fresh, else one compiled at first use."""

from __future__ import annotations

import os
import shutil

from bpstudio.i18n.translation_files import find_lrelease, ts_file, usable_qm


def test_a_missing_qm_is_compiled_into_the_cache(tmp_path):
    assert find_lrelease() is not None, "PySide6 ships lrelease"
    package = tmp_path / "package"
    package.mkdir()
    shutil.copy(ts_file("zh_CN"), package)
    qm = usable_qm("zh_CN", tmp_path / "cache", folder=package)
    assert qm == tmp_path / "cache" / "bpstudio_zh_CN.qm"
    assert qm.stat().st_size > 1000


def test_a_fresh_packaged_qm_is_used_and_a_stale_one_is_not(tmp_path):
    package = tmp_path / "package"
    package.mkdir()
    ts = shutil.copy(ts_file("zh_CN"), package)
    packaged = package / "bpstudio_zh_CN.qm"
    assert usable_qm("zh_CN", tmp_path / "cache", folder=package) != packaged
    shutil.copy(tmp_path / "cache" / "bpstudio_zh_CN.qm", packaged)
    assert usable_qm("zh_CN", tmp_path / "other", folder=package) == packaged
    later = packaged.stat().st_mtime + 60  # the .ts edited after the .qm was built
    os.utime(ts, (later, later))
    recompiled = tmp_path / "other" / packaged.name
    assert usable_qm("zh_CN", tmp_path / "other", folder=package) == recompiled


def test_no_catalogue_means_none(tmp_path):
    assert usable_qm("xx", tmp_path / "cache", folder=tmp_path) is None
