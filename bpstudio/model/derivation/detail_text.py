"""The prose of the optional levels of detail (the softmax Jacobian, jacobian.py) and of the
symmetry note (symmetry.py), in English and Chinese.

Apart from text.py's catalogue so that these words live with their features; the same rules
(the seed's Chinese words, full-width punctuation around Chinese) and the same ``{E}``,
``{Y}``, ``{Yhat}``, ``{w}``, ``{eta}`` names of the notation in force; a notation preset's
``words`` may override an entry here as it may one of text.py.
"""

from __future__ import annotations

from bpstudio.model import notation
from bpstudio.model.derivation import symbols as sym

TEXTS: dict[str, dict[str, str]] = {
    "section.backward.jacobian": {
        "en": "The softmax Jacobian: the partial derivatives of {ys} with respect to {zs}",
        "zh": "softmax 的雅可比矩阵：求 {ys} 对 {zs} 的偏导",
    },
    "explain.jacobian.diagonal": {
        "en": "{z} appears both in the numerator of {y} (e to the power {z}) and in its "
        "denominator (the sum of e^z over the layer), so the quotient rule gives "
        "{y}(1 − {y}). Here {d} = 1 (Kronecker's delta: 1 when both indices are equal, "
        "otherwise 0).",
        "zh": "{y} 的分子（e 的 {z} 次方）和分母（本层所有 e^z 之和）都含 {z}，按商的求导法则得 "
        "{y}(1 − {y})。这里 {d} = 1（克罗内克 δ：两个下标相同时为 1，否则为 0）。",
    },
    "explain.jacobian.off": {
        "en": "{z} appears only in the denominator of {y} (the sum of e^z over the layer), so "
        "∂{y}/∂{z} = −{y} · {yk}: when another output's z grows, this output shrinks. Here "
        "{d} = 0.",
        "zh": "{z} 只出现在 {y} 的分母（本层所有 e^z 之和）中，所以 ∂{y}/∂{z} = −{y} · {yk}："
        "另一个输出的 z 增大时，这个输出就变小。这里 {d} = 0。",
    },
    "explain.ce.dE/dY.softmax": {
        "en": "Of the sum in {E}, only −{label} ln {y} contains {y}; the derivative of ln {y} "
        "is 1/{y}, so this gives −{label}/{y}.",
        "zh": "{E} 的和式中只有 −{label} ln {y} 一项含 {y}，ln {y} 的导数为 1/{y}，"
        "所以得 −{label}/{y}。",
    },
    "explain.ce.dE/dY.sigmoid": {
        "en": "Only −[{label} ln {y} + (1 − {label}) ln(1 − {y})] of {E} contains {y}; "
        "differentiating gives −{label}/{y} + (1 − {label})/(1 − {y}), over a common "
        "denominator ({y} − {label})/({y}(1 − {y})).",
        "zh": "{E} 中只有 −[{label} ln {y} + (1 − {label}) ln(1 − {y})] 一项含 {y}，求导得 "
        "−{label}/{y} + (1 − {label})/(1 − {y})，通分即为 ({y} − {label})/({y}(1 − {y}))。",
    },
    "explain.ce.dE/dz.softmax": {
        "en": "Chain rule: {z} changes every output, so the terms ∂{E}/∂{Y} · ∂{Y}/∂{z} of all "
        "outputs are added (the Jacobian's column of {z}). Multiplied out, each {Y} cancels "
        "its denominator and δ keeps one term: −{label} + {y} · (the sum of the labels). The "
        "labels of a row add up to 1, so ∂{E}/∂{z} = {y} − {label}: steps 1 and 2 merge.",
        "zh": "链式法则：{z} 影响每一个输出，所以要把所有输出的 ∂{E}/∂{Y} · ∂{Y}/∂{z} 相加"
        "（雅可比矩阵中 {z} 那一列）。乘开后，各项的 {Y} 与分母约去，δ 只留下一项："
        "−{label} + {y} · （各标签之和）。一行的各标签之和为 1，所以 ∂{E}/∂{z} = {y} − {label}，"
        "一、二两步合并。",
    },
    "explain.ce.dE/dz.sigmoid": {
        "en": "Chain rule: {E} depends on {z} only through {y}, whose slope {y} − ({y})² = "
        "{y}(1 − {y}) cancels the denominator of ∂{E}/∂{y}, so ∂{E}/∂{z} = {y} − {label}: "
        "steps 1 and 2 merge.",
        "zh": "链式法则：{E} 只通过 {y} 依赖 {z}，其斜率 {y} − ({y})² = {y}(1 − {y}) 恰好约去 "
        "∂{E}/∂{y} 的分母，所以 ∂{E}/∂{z} = {y} − {label}，一、二两步合并。",
    },
    "symmetry.delta": {
        "en": "Note: {unit} is an exact copy of {other} (the same incoming and outgoing "
        "weights), so it computes the same number and gets the same error here; every update "
        "then changes both alike and they stay copies for ever. This is the symmetry problem "
        "of equal starting weights (all zeros, or one constant): the copies can never learn "
        "different things. Random starting weights break the symmetry.",
        "zh": "注意：{unit} 与 {other} 完全相同（输入、输出权重都相同），所以算出同样的数，"
        "这里也得到同样的误差；之后每次更新对两者的改变都一样，它们永远相同。这就是初始权重"
        "相同（全为 0 或同一个常数）时的对称性问题：这些单元永远学不到不同的东西。"
        "用随机的初始权重才能打破对称。",
    },
    "symmetry.update": {
        "en": "As {unit} is a copy of {other}, this update equals that of {twin}: they stay "
        "equal (the symmetry problem).",
        "zh": "由于 {unit} 与 {other} 完全相同，这一更新与 {twin} 的更新相同，两者始终相等"
        "（对称性问题）。",
    },
}


def text(key: str, lang: str, **fields: object) -> str:
    """The entry in ``lang`` with ``fields`` filled in (and the notation's generic names)."""
    entry = notation.current().notation.words.get(key) or TEXTS[key]
    return entry.get(lang, entry["en"]).format(**{**sym.words(), **fields})
