"""Derive the Debian packages a PyInstaller bundle needs, and check a control file's Depends.

    python3 packaging/linux/check_depends.py BUNDLE_DIR [--control FILE]

Runs `ldd` on every ELF file in BUNDLE_DIR (the executable, Python's extension modules, Qt's
libraries and plugins, NumPy's OpenBLAS) with the bundle's own library folders on
LD_LIBRARY_PATH. What resolves inside the bundle, the bundle carries; every library that resolves
outside it is mapped to its Debian package with `dpkg -S`. Libraries that Qt opens with dlopen()
(so that ldd cannot see them) are added from DLOPENED below.

Prints the derived packages. With --control, exits 1 if the control file's Depends misses any
of them (alternatives `a | b` count for each of their members), or if a library resolves nowhere.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

# Loaded by Qt with dlopen(), so invisible to ldd: the package that provides each.
DLOPENED = {
    "libdbus-1.so.3": "libdbus-1-3",  # QtDBus (accessibility, portal theme, input methods)
}
# Plugins whose libraries may be missing: Qt skips such a plugin and goes on. Their libraries are
# reported but not required.
OPTIONAL_PLUGIN_DIRS = ("wayland-graphics-integration-client/libvulkan-server.so",)


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) == b"\x7fELF":
                found.append(path)
    return found


def library_path(bundle: Path) -> str:
    dirs = {p.parent for p in bundle.rglob("*.so*") if p.is_file()}
    return ":".join(str(d) for d in sorted(dirs))


def ldd(path: Path, env: dict[str, str]) -> dict[str, str | None]:
    """Library name -> resolved path (None if not found)."""
    out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
    libs: dict[str, str | None] = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if m:
            libs[m.group(1)] = None if m.group(2) == "not found" else m.group(3)
    return libs


def package_of(path: str) -> str | None:
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):  # merged /usr: dpkg may know either spelling
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr") :])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for p in candidates:
        r = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if r.returncode == 0:
            pkg = r.stdout.split(":", 1)[0].strip()
            return pkg.split(",")[0].strip()
    return None


def derive(bundle: Path) -> tuple[dict[str, set[str]], list[str], dict[str, set[str]]]:
    """(package -> libraries, unresolved 'lib (needed by file)', optional package -> libraries)."""
    bundle = bundle.resolve()
    env = dict(os.environ, LD_LIBRARY_PATH=library_path(bundle))
    packages: dict[str, set[str]] = {}
    optional: dict[str, set[str]] = {}
    missing: list[str] = []
    cache: dict[str, str | None] = {}
    for elf in elf_files(bundle):
        rel = str(elf.relative_to(bundle))
        is_optional = any(rel.endswith(o) for o in OPTIONAL_PLUGIN_DIRS)
        for name, resolved in ldd(elf, env).items():
            if resolved is None:
                if not is_optional:
                    missing.append(f"{name} (needed by {rel})")
                continue
            if Path(resolved).resolve().is_relative_to(bundle):
                continue
            if resolved not in cache:
                cache[resolved] = package_of(resolved)
            pkg = cache[resolved]
            if pkg is None:
                missing.append(f"{name} at {resolved}: no Debian package owns it")
                continue
            (optional if is_optional else packages).setdefault(pkg, set()).add(name)
    for name, pkg in DLOPENED.items():
        packages.setdefault(pkg, set()).add(name + " (dlopen)")
    for pkg in packages:
        optional.pop(pkg, None)
    return packages, missing, optional


def depends_of(control: Path) -> set[str]:
    text = control.read_text()
    m = re.search(r"^Depends:(.*(?:\n[ \t].*)*)", text, re.MULTILINE)
    if not m:
        return set()
    names = set()
    for alt in m.group(1).replace("\n", " ").split(","):
        for item in alt.split("|"):
            item = item.strip()
            if item:
                names.add(re.split(r"[\s(:]", item, maxsplit=1)[0])
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--control", type=Path)
    args = parser.parse_args(argv)

    packages, missing, optional = derive(args.bundle)
    print("check_depends: packages the bundle's libraries come from:")
    for pkg in sorted(packages):
        print(f"  {pkg:28s} {' '.join(sorted(packages[pkg]))}")
    for pkg in sorted(optional):
        print(f"  ({pkg}: optional, {' '.join(sorted(optional[pkg]))})")
    status = 0
    if missing:
        status = 1
        print("check_depends: libraries that resolve nowhere:", file=sys.stderr)
        for m in sorted(set(missing)):
            print(f"  {m}", file=sys.stderr)
    if args.control:
        declared = depends_of(args.control)
        undeclared = sorted(set(packages) - declared)
        if undeclared:
            status = 1
            print(
                f"check_depends: {args.control} Depends lacks: {', '.join(undeclared)}",
                file=sys.stderr,
            )
        else:
            print(f"check_depends: {args.control} Depends covers all {len(packages)} packages")
    return status


if __name__ == "__main__":
    sys.exit(main())
