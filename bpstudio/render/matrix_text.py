"""The matrix view (model.derivation.matrix) added to a derivation document: a closing section
with the note on how the weights are stored, then each formula with names and with numbers."""

from __future__ import annotations

import json

from bpstudio.model import notation
from bpstudio.model.derivation.matrix import matrix_steps
from bpstudio.model.derivation.text import tr as derivation_text


def _texts(derivation) -> tuple[str, str]:
    network = derivation.source[0]
    with notation.writing(derivation.notation, network.layer_sizes):
        return (
            derivation_text("matrix.title", derivation.lang),
            derivation_text("matrix.note", derivation.lang),
        )


def with_matrix(text: str, derivation, fmt: str) -> str:
    """``text`` (the document in ``fmt``) with the matrix view added at its end."""
    steps = matrix_steps(derivation)
    title, note = _texts(derivation)
    if fmt == "markdown":
        blocks = [f"## {title}", note]
        blocks += [f"$${s.symbolic}$$\n\n$${s.substituted}$$" for s in steps]
        return text.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"
    if fmt == "latex":
        from bpstudio.render.latex import text_to_latex

        body = [rf"\section*{{{text_to_latex(title)}}}", text_to_latex(note)]
        body += [rf"\[ {s.symbolic} \]" + "\n" + rf"\[ {s.substituted} \]" for s in steps]
        end = r"\end{document}"
        return text.replace(end, "\n\n".join(body) + "\n" + end)
    if fmt == "html":
        from html import escape

        from bpstudio.render.html import inline_svg

        body = [f"<h2>{escape(title)}</h2>", f"<p>{escape(note)}</p>"]
        for s in steps:
            body += [
                f'<div class="formula">{inline_svg(f)}</div>' for f in (s.symbolic, s.substituted)
            ]
        return text.replace("</body>", "\n".join(body) + "\n</body>")
    if fmt == "json":
        data = json.loads(text)
        data["matrix"] = {
            "title": title,
            "note": note,
            "steps": [
                {"quantity": s.quantity, "layer": s.layer, "symbolic": s.symbolic,
                 "substituted": s.substituted, "value": s.value.tolist()}
                for s in steps
            ],
        }  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
