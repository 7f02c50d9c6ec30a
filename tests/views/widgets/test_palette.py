from bpstudio.views.widgets import palette


def test_no_two_meanings_share_a_colour():
    seen: dict[str, str] = {}
    for meaning, colours in palette.MEANINGS.items():
        for colour in colours:
            key = colour.lower()
            assert key not in seen, f"{colour} is both {seen[key]} and {meaning}"
            seen[key] = meaning


def test_palette_is_qt_free():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(palette))
    names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [n for n in names if n.startswith(("PySide6", "pyqtgraph"))]
