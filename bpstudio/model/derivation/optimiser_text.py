"""The prose of 七 for every optimiser (optimiser_update.py), in English and Chinese.

The same rules as text.py (the seed's words, full-width punctuation around Chinese); every
symbol is a placeholder filled from the notation in force (``{m}``, ``{beta1}``, ``{eta}``...),
so 邱锡鹏's M, G and 周志华's s, r read in his own letters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bpstudio.model import notation
from bpstudio.model.derivation import symbols as sym

if TYPE_CHECKING:  # annotations only
    from bpstudio.model.optimisers import OptimiserSettings

TEXTS: dict[str, dict[str, str]] = {
    # 七's title: {what} the parameters, {name} the optimiser, {rule} its formulas in a line
    "title": {
        "en": "7. Update {what} with {name}: {rule}; then the new loss",
        "zh": "七、用{name}更新{what}：{rule}，然后求新的误差",  # {name} spaced if Latin
    },
    "what": {"en": "every weight (and bias)", "zh": "权重（和偏置）"},
    "what.no_bias": {"en": "every weight", "zh": "权重"},
    "what.frozen": {
        "en": "every weight (the biases are frozen, not updated)",
        "zh": "权重（偏置固定，不更新）",
    },
    "name.sgd": {"en": "gradient descent", "zh": "梯度下降"},
    "name.momentum": {"en": "momentum", "zh": "动量法"},
    "name.nesterov": {"en": "Nesterov momentum", "zh": "Nesterov 动量法"},
    "name.rmsprop": {"en": "RMSprop", "zh": "RMSprop"},
    "name.rmsprop_momentum": {"en": "RMSprop with momentum", "zh": "带动量的 RMSprop"},
    "name.adam": {"en": "Adam", "zh": "Adam"},
    "name.decay": {
        "en": "{name} and weight decay {lam} = {value}",
        "zh": "{name}（权重衰减 {lam} = {value}）",
    },
    "then": {"en": ", then ", "zh": "，再 "},
    "and": {"en": ", ", "zh": "，"},
    # the sub-headings of 七's runs of like formulas
    "heading.grad": {"en": "Weight decay", "zh": "权重衰减"},
    "heading.momentum_buffer": {"en": "The momentum buffers", "zh": "动量缓冲"},
    "heading.square_avg": {
        "en": "The running means of the squared gradients",
        "zh": "梯度平方的滑动平均",
    },
    "heading.exp_avg": {"en": "The first moments (means of the gradients)", "zh": "一阶矩"},
    "heading.exp_avg_sq": {
        "en": "The second moments (means of the squared gradients)",
        "zh": "二阶矩",
    },
    "heading.exp_avg_hat": {"en": "The bias corrections", "zh": "偏差修正"},
    "heading.update": {"en": "The update", "zh": "更新"},
    # one sentence for each kind of line
    "explain.grad": {
        "en": "Weight decay (torch's weight_decay, an L2 penalty): add {lam} = {value} times "
        "{p} to its gradient{batch}; the lines below use this {g}.",
        "zh": "权重衰减（即 torch 的 weight_decay，L2 正则）：在梯度{batch}上加上 {lam} = {value} "
        "乘以 {p}；下面各步用这个 {g}。",
    },
    "explain.gradient": {"en": " (the batch mean)", "zh": "（批量平均）"},
    "explain.sgd": {
        "en": "Gradient descent: move {p} against {g}, by the learning rate {eta} times {g}.",
        "zh": "梯度下降：将 {p} 沿 {g} 的反方向调整，步长为学习率 {eta} 乘以 {g}。",
    },
    "explain.momentum_buffer": {
        "en": "Momentum (torch.optim.SGD's rule): {b} is the momentum buffer of {p}, the "
        "stored sum of its earlier gradients, each step weighted by {mu} = {value}; add this "
        "step's gradient{batch}.",
        "zh": "动量（与 torch.optim.SGD 的规则相同）：{b} 是 {p} 的动量缓冲，存着此前各步梯度的"
        "累积，每过一步乘以 {mu} = {value}；再加上这一步的梯度{batch}。",
    },
    "explain.momentum": {
        "en": "Move {p} against its momentum buffer {b}, by the learning rate {eta} times the "
        "buffer.",
        "zh": "将 {p} 沿动量缓冲 {b} 的反方向调整，步长为学习率 {eta} 乘以缓冲。",
    },
    "explain.nesterov": {
        "en": "Nesterov momentum (torch's nesterov=True): move {p} against this step's "
        "gradient plus {mu} times the new buffer {b}, by the learning rate {eta}: a look one "
        "step ahead along the momentum.",
        "zh": "Nesterov 动量（torch 的 nesterov=True）：将 {p} 沿“这一步的梯度加上 {mu} 乘以"
        "新的缓冲 {b}”的反方向调整，步长为学习率 {eta}：沿动量方向向前看一步。",
    },
    "explain.square_avg": {
        "en": "RMSprop (torch.optim.RMSprop): {v} is the running mean of the squared gradient "
        "of {p}; keep {alpha} = {value} of it and add 1 − {alpha} times this step's squared "
        "gradient{batch}.",
        "zh": "RMSprop（与 torch.optim.RMSprop 相同）：{v} 是 {p} 梯度平方的滑动平均；保留其 "
        "{alpha} = {value}，再加上 1 − {alpha} 乘以这一步梯度{batch}的平方。",
    },
    "explain.rmsprop": {
        "en": "Divide the gradient by the root of {v} (plus {eps} = {value}, never to divide "
        "by 0), so that every weight gets a step size of its own, and move {p} against it by "
        "the learning rate {eta}.",
        "zh": "将梯度除以 {v} 的平方根（加上 {eps} = {value}，以免除以 0），每个权重便有各自的"
        "步长；再将 {p} 沿其反方向调整，步长为学习率 {eta}。",
    },
    "explain.rmsprop_buffer": {
        "en": "RMSprop with momentum (torch's rule): the buffer {b} of {p} is {mu} = {value} "
        "times itself plus this step's gradient divided by the root of {v} (plus {eps}).",
        "zh": "带动量的 RMSprop（torch 的规则）：{p} 的动量缓冲 {b} 等于 {mu} = {value} "
        "乘以原缓冲，再加上这一步的梯度除以 {v} 的平方根（加上 {eps}）。",
    },
    "explain.exp_avg": {
        "en": "Adam (torch.optim.Adam): {m}, the first moment of {p}, is the running mean of "
        "its gradient; keep {beta1} = {value} of it and add 1 − {beta1} times this step's "
        "gradient{batch}.",
        "zh": "Adam（与 torch.optim.Adam 相同）：{m} 是 {p} 的一阶矩，即梯度的滑动平均；保留其 "
        "{beta1} = {value}，再加上 1 − {beta1} 乘以这一步的梯度{batch}。",
    },
    "explain.exp_avg_sq": {
        "en": "{v}, the second moment of {p}, is the running mean of its squared gradient; keep "
        "{beta2} = {value} of it and add 1 − {beta2} times this step's squared gradient.",
        "zh": "{v} 是 {p} 的二阶矩，即梯度平方的滑动平均；保留其 {beta2} = {value}，再加上 "
        "1 − {beta2} 乘以这一步梯度的平方。",
    },
    "explain.exp_avg_hat": {
        "en": "Bias correction: {m} starts at 0, so its early values are too small by the "
        "factor 1 − {beta1}{t_sup}; this is step {t} = {step} of the optimiser, so divide by "
        "1 − {beta1}{step_sup}.",
        "zh": "偏差修正：{m} 从 0 开始，前几步偏小，差一个因子 1 − {beta1}{t_sup}；这是优化器的第 "
        "{t} = {step} 步，所以除以 1 − {beta1}{step_sup}。",
    },
    "explain.exp_avg_sq_hat": {
        "en": "The same for {v}: divide by 1 − {beta2}{t_sup} = 1 − {beta2}{step_sup}.",
        "zh": "{v} 同样修正：除以 1 − {beta2}{t_sup} = 1 − {beta2}{step_sup}。",
    },
    "explain.adam": {
        "en": "The step: move {p} against {mhat} divided by the root of {vhat} (plus {eps} = "
        "{value}), times the learning rate {eta}: the quotient is near ±1 while the gradient "
        "keeps its sign, so each step is about {eta} whatever the scale of the gradient.",
        "zh": "更新：将 {p} 沿 {mhat} 除以 {vhat} 的平方根（加上 {eps} = {value}）的反方向调整，"
        "再乘以学习率 {eta}：梯度方向不变时这个商接近 ±1，所以无论梯度大小，每步大约移动 {eta}。",
    },
}


def text(key: str, lang: str, **fields: object) -> str:
    """The entry in ``lang`` with ``fields`` filled in (and the notation's generic names); a
    notation preset's ``words`` may override it as it may one of text.py."""
    entry = notation.current().notation.words.get(f"optimiser.{key}") or TEXTS[key]
    return entry.get(lang, entry["en"]).format(**{**sym.words(), **fields})


_SUPERSCRIPT = str.maketrans("0123456789t", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵗ")


def superscript(text: str) -> str:
    """``text`` as a plain superscript where Unicode has one (β₁ᵗ, β₁⁵), else ``^text``."""
    raised = text.translate(_SUPERSCRIPT)
    changed = all(c != d or not c.isascii() for c, d in zip(raised, text, strict=True))
    return raised if changed else f"^{text}"


def optimiser_name(settings: OptimiserSettings, lang: str) -> str:
    """ "Adam", "Nesterov momentum", "RMSprop with momentum (weight decay λ = 0.01)"..."""
    kind = settings.kind
    if kind == "sgd" and settings.momentum:
        kind = "nesterov" if settings.nesterov else "momentum"
    elif kind == "rmsprop" and settings.momentum:
        kind = "rmsprop_momentum"
    name = text(f"name.{kind}", lang)
    if settings.weight_decay:
        lam = sym.plain_setting("weight_decay")
        name = text("name.decay", lang, name=name, lam=lam, value=f"{settings.weight_decay:g}")
    return name


def optimiser_rule(settings: OptimiserSettings, lang: str) -> str:
    """The optimiser's rule in one line of plain Unicode, in the notation in force (Adam's
    update alone: its m, v, m̂ and v̂ would not fit a title, their runs are headed)."""
    words = sym.words()
    w, eta, E = words["w"], words["eta"], words["E"]
    s = {role: sym.optimiser_glyph(role).base for role in ("momentum_buffer", "exp_avg")}
    b, m = s["momentum_buffer"], s["exp_avg"]
    v = sym.optimiser_glyph("square_avg" if settings.kind == "rmsprop" else "exp_avg_sq").base
    mu, alpha, eps, lam = (
        sym.plain_setting(role) for role in ("momentum", "alpha", "epsilon", "weight_decay")
    )
    g, g2, over = f"∂{E}/∂{w}", f"(∂{E}/∂{w})²", f"(∂{E}/∂{w})"
    parts = []
    if settings.weight_decay:
        g = over = sym.optimiser_glyph("grad").base
        g2 = f"{g}²"
        parts.append(f"{g} = ∂{E}/∂{w} + {lam}·{w}")
    if settings.kind == "sgd":
        if settings.momentum:
            parts.append(f"{b} ← {mu}·{b} + {g}")
            step = f"({g} + {mu}·{b})" if settings.nesterov else b
        else:
            step = g
    elif settings.kind == "rmsprop":
        parts.append(f"{v} ← {alpha}·{v} + (1 − {alpha})·{g2}")
        scaled = f"{over}/(√{v} + {eps})"
        if settings.momentum:
            parts.append(f"{b} ← {mu}·{b} + {scaled}")
            step = b
        else:
            step = scaled
    else:  # m, v and their corrections each have a run of their own, with a sub-heading
        step = f"{m}{sym.HAT}/(√{v}{sym.HAT} + {eps})"
    update = f"{w} ← {w} − {eta}·{step}"
    if not parts:
        return update
    return text("and", lang).join(parts) + text("then", lang) + update


def optimiser_title(settings: OptimiserSettings, what: str, lang: str) -> str:
    """七's title: ``7. Update every weight (and bias) with Adam: m ← …; then the new loss``."""
    name = optimiser_name(settings, lang)
    if lang == "zh":  # a space between a Chinese word and a Latin one: 用 Adam 更新
        name = (" " if name[0].isascii() else "") + name + (" " if name[-1].isascii() else "")
    return text("title", lang, what=what, name=name, rule=optimiser_rule(settings, lang))
