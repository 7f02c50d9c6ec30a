"""Compiles the Qt translations (.ts -> .qm) as part of every build; the rest is pyproject.toml.

`pip install .`, `pip wheel .` and `pip install -e .` all run build_py; `python -m build` also
puts the compiled .qm into the sdist, so a wheel built from it has them even where lrelease is
missing. pyproject.toml lists PySide6-Essentials as a build requirement so that
pyside6-lrelease is there to run.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent


def _translation_files():
    """bpstudio/i18n/translation_files.py, loaded by path: importing the package would need its
    dependencies, which a build environment does not have."""
    path = HERE / "bpstudio" / "i18n" / "translation_files.py"
    spec = importlib.util.spec_from_file_location("_bpstudio_translation_files", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    def run(self):
        super().run()
        files = _translation_files()
        source = HERE / "bpstudio" / "resources" / "translations"
        # An editable install runs the package from the source tree, so the .qm goes there
        # (.gitignore keeps it out of git); a normal build puts it into the build folder.
        target = source if self.editable_mode else Path(self.build_lib) / source.relative_to(HERE)
        built = files.compile_all(source, target)
        if not built and any(source.glob("*.ts")):
            self.warn("pyside6-lrelease not found: translations will compile at first start")


class SdistWithTranslations(sdist):
    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        files = _translation_files()
        source = HERE / "bpstudio" / "resources" / "translations"
        target = Path(base_dir) / source.relative_to(HERE)
        if not files.compile_all(source, target) and any(source.glob("*.ts")):
            self.warn("pyside6-lrelease not found: the sdist has no compiled translations")


setup(cmdclass={"build_py": BuildPyWithTranslations, "sdist": SdistWithTranslations})
