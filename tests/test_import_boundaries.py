"""The house's boundaries that import-linter cannot state (pyproject.toml has the others).

- No import circle between modules, counting imports made only for type hints: a circle is two
  modules that cannot be understood (or tested) one without the other.
- Controllers use QtCore only, and from QtGui nothing but the undo framework (Qt 6 moved
  QUndoStack there): no widgets, no painting.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import ClassVar

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "bpstudio"
UNDO_FRAMEWORK = {"QUndoCommand", "QUndoStack"}


def _imported_by(graph, module: str):
    return iter(sorted(graph.find_modules_directly_imported_by(module)))


def import_circles(graph) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    circles: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, _imported_by(graph, root))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(component)
    return circles


def test_no_import_circles():
    graph = grimp.build_graph("bpstudio", exclude_type_checking_imports=False)
    assert import_circles(graph) == []


def test_the_circle_finder_finds_a_circle():
    class Graph:
        modules = frozenset({"a", "b", "c", "d"})
        edges: ClassVar = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, module):
            return self.edges.get(module, set())

    assert import_circles(Graph()) == [{"a", "b", "c"}]


def test_controllers_use_qtcore_and_the_undo_framework_only():
    wrong = []
    for path in sorted((PACKAGE / "controller").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                names = {alias.name for alias in node.names}
                allowed = node.module == "PySide6.QtCore" or (
                    node.module == "PySide6.QtGui" and names <= UNDO_FRAMEWORK
                )
                if not allowed:
                    wrong.append(f"{path.name}: from {node.module} import {sorted(names)}")
            elif isinstance(node, ast.Import):
                wrong += [f"{path.name}: import {a.name}" for a in node.names
                          if a.name.startswith(("PySide6", "pyqtgraph"))]  # fmt: skip
    assert wrong == []
