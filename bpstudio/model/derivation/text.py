"""Every piece of prose in a derivation, in English and Simplified Chinese.

The Chinese follows the seed document's own words (正向传播, 隐含层内部转化, 一、求 E 对 … 的偏导,
标准答案（即 label，标签）, 由上可知, 同理可得) and reads as Chinese prose: full-width ，：；（）
around Chinese words, formulas and symbols as they are, no English word in a Chinese sentence.
Kept apart from the code and free of Qt so that a later change can move it into Qt's
translation files without touching the derivation.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")

CATALOGUE: dict[str, dict[str, str]] = {
    "title": {
        "en": "Backpropagation step by step: sample {sample}",
        "zh": "BP 算法逐步推导：第 {sample} 个样本",
    },
    "intro": {
        "en": "Loss: {loss}. Ŷ is the label (the known correct answer); Y is the network's "
        "output. Learning rate η = {lr}.",
        "zh": "损失函数：{loss}。其中，Ŷ 为已知的标准答案（即 label，标签），Y 为网络的输出。"
        "学习率 η = {lr}。",
    },
    "intro.inputs": {"en": "Inputs: {names}.", "zh": "输入：{names}。"},
    "intro.targets": {"en": "Labels: {names}.", "zh": "标签：{names}。"},
    "network": {
        "en": "network {sizes} ({activations}; {bias}); loss {loss}; η = {lr}",
        "zh": "网络 {sizes}（{activations}；{bias}）；损失函数 {loss}；η = {lr}",
    },
    "network.bias": {"en": "with biases", "zh": "有偏置"},
    "network.no_bias": {"en": "no biases", "zh": "无偏置"},
    "network.frozen_bias": {"en": "biases frozen", "zh": "偏置固定"},
    "loss.half_sse": {"en": "half_sse", "zh": "误差平方和的一半"},
    "loss.mse": {"en": "mse", "zh": "均方误差"},
    "loss.cross_entropy": {"en": "cross_entropy", "zh": "交叉熵"},
    "phase.forward": {"en": "Forward pass", "zh": "正向传播"},
    "phase.backward": {
        "en": "Backward pass (from the back to the front)",
        "zh": "反向传播（从后向前，所以是反向）",
    },
    "phase.update": {"en": "Update", "zh": "更新"},
    "layer.input": {"en": "input layer", "zh": "输入层"},
    "layer.hidden": {"en": "hidden layer", "zh": "隐含层"},
    "layer.hidden_n": {"en": "hidden layer {n}", "zh": "隐含层 {n}"},
    "layer.output": {"en": "output layer", "zh": "输出层"},
    "section.forward.link": {"en": "({n}) {source} → {target}", "zh": "({n}) {source} → {target}"},
    "heading.inside": {"en": "Inside the {layer}: a = f(z)", "zh": "{layer}内部转化"},
    "section.forward.output": {"en": "({n}) Output", "zh": "({n}) 输出"},
    "section.backward.1": {
        "en": "1. The partial derivatives of {E} with respect to {ys} (or {as})",
        "zh": "一、求 {E} 对 {ys} 或 {as} 的偏导",
    },
    "section.backward.merged": {
        "en": "1-2. The partial derivatives of {E} with respect to {zs} (steps 1 and 2 merge)",
        "zh": "一、二、求 {E} 对 {zs} 的偏导（一、二两步合并）",
    },
    "section.backward.n": {
        "en": "{numeral}. The partial derivatives of {E} with respect to {symbols}",
        "zh": "{numeral}、求 {E} 对 {symbols} 的偏导",
    },
    "section.batch": {
        "en": "The batch gradient: the mean over samples {samples}",
        "zh": "批量梯度：样本 {samples} 的平均",
    },
    "section.update": {
        "en": "7. Update every weight (and bias): w ← w − η · ∂E/∂w, then the new loss",
        "zh": "七、更新权重（和偏置）：w ← w − η · ∂E/∂w，再求新的误差",
    },
    "section.update.no_bias": {
        "en": "7. Update every weight: w ← w − η · ∂E/∂w, then the new loss",
        "zh": "七、更新权重：w ← w − η · ∂E/∂w，再求新的误差",
    },
    "section.update.frozen": {
        "en": "7. Update every weight (the biases are frozen, not updated): w ← w − η · ∂E/∂w, "
        "then the new loss",
        "zh": "七、更新权重（偏置固定，不更新）：w ← w − η · ∂E/∂w，再求新的误差",
    },
    "list.and": {"en": ", ", "zh": "、"},
    # said once before the formula of the first step that repeats the one before for another
    # unit (the seed's 同理可得：), in documents; the walkthrough card shows it above the formula
    "same_way": {"en": "In the same way:", "zh": "同理可得："},
    "note.sigmoid": {
        "en": "Ps: the derivative of the sigmoid function",
        "zh": "Ps：关于 sigmoid 函数求导",
    },
    "note.sigmoid.rewrite": {"en": "Rewritten:", "zh": "变形："},
    "note.sigmoid.differentiate": {
        "en": "Differentiate (y = f(z)):",
        "zh": "求导（记 y = f(z)）：",
    },
    "note.sigmoid.so": {"en": "So:", "zh": "得："},
    # explanations: one sentence each --------------------------------------------------------
    "explain.z": {
        "en": "{unit} adds up the outputs of the layer before, each multiplied by the weight "
        "of its edge{bias}.",
        "zh": "将上一层各输出乘以对应权重后相加{bias}，即得 {unit}。",
    },
    "explain.z.bias": {"en": ", plus its bias", "zh": "，再加上偏置"},
    "explain.a": {
        "en": "The unit passes {z} through its activation function f ({name}) to give its "
        "output {a}.",
        "zh": "将 {z} 代入激活函数 f（{name}），即得该单元的输出 {a}。",
    },
    "explain.a.softmax": {
        "en": "Softmax divides e^z of this unit by the sum of e^z over the whole layer.",
        "zh": "softmax：将该单元的 e^z 除以本层所有单元的 e^z 之和，即得 {a}。",
    },
    "explain.Y": {
        "en": "The network's output {y} is the output layer's activation {a}.",
        "zh": "网络的输出 {y} 就是输出层的 {a}。",
    },
    "explain.E": {
        "en": "The loss {E} measures how far the output Y is from the label Ŷ.",
        "zh": "误差 {E} 衡量输出 Y 与标准答案 Ŷ（即 label，标签）的差距。",
    },
    "explain.dE/dY": {
        "en": "Only the term ({y} − {label})² of {E} contains {y}; differentiating it by {y} "
        "gives this.",
        "zh": "{E} 中只有 ({y} − {label})² 一项含 {y}，对 {y} 求导即得。",
    },
    "explain.dE/dz": {
        "en": "Chain rule: {E} depends on {z} only through {a} = f({z}), so ∂{E}/∂{a} (known "
        "from above) is multiplied by the slope ∂{a}/∂{z} = {slope}.",
        "zh": "链式法则：{E} 只通过 {a} = f({z}) 依赖 {z}。由上可知 ∂{E}/∂{a}，再乘以 "
        "∂{a}/∂{z} = {slope}，即可求得。",
    },
    "explain.dE/dz.softmax": {
        "en": "Chain rule: with softmax every output depends on {z}, so the terms "
        "∂{E}/∂a · ∂a/∂{z} of all outputs are added (∂aₘ/∂zₖ = aₘ(δₘₖ − aₖ)).",
        "zh": "链式法则：softmax 的每个输出都依赖 {z}，所以要把所有输出的 ∂{E}/∂a · ∂a/∂{z} "
        "相加（∂aₘ/∂zₖ = aₘ(δₘₖ − aₖ)）。",
    },
    "explain.dE/dz.merged": {
        "en": "For cross-entropy with a {name} output the slope cancels the denominator of "
        "∂{E}/∂Y, so steps 1 and 2 merge into Y − Ŷ.",
        "zh": "交叉熵配合 {name} 输出时，∂a/∂z 恰好约去 ∂{E}/∂Y 的分母，一、二两步合并为 Y − Ŷ。",
    },
    "explain.dE/dw": {
        "en": "{z} = … + {a} · {w} + …, so ∂{z}/∂{w} = {a}; chain rule: multiply by "
        "∂{E}/∂{z} (known from above).",
        "zh": "由于 {z} = … + {a} · {w} + …，求导得 ∂{z}/∂{w} = {a}。由上可知 ∂{E}/∂{z}，"
        "两者相乘即得。",
    },
    "explain.dE/db": {
        "en": "{z} = … + {b}, so ∂{z}/∂{b} = 1 and ∂{E}/∂{b} = ∂{E}/∂{z}.",
        "zh": "由于 {z} = … + {b}，∂{z}/∂{b} = 1，所以 ∂{E}/∂{b} = ∂{E}/∂{z}。",
    },
    "explain.dE/da": {
        "en": "{a} feeds every unit of the next layer, so the chain rule adds one term "
        "∂{E}/∂z · w per outgoing edge (∂z/∂{a} is the weight w of that edge).",
        "zh": "{a} 连到下一层的每个单元，链式法则对每条连线加上一项 ∂{E}/∂z · w"
        "（∂z 对 {a} 求导，就是该连线的权重 w）。",
    },
    "explain.batch": {
        "en": "The batch loss is the mean of the losses of samples {samples}, so its gradient "
        "is the mean of their gradients.",
        "zh": "一批的误差是样本 {samples} 误差的平均，所以梯度也是它们梯度的平均。",
    },
    "explain.update": {
        "en": "Gradient descent: move {p} against its gradient{batch}, by the learning rate η "
        "times the gradient.",
        "zh": "梯度下降：将 {p} 沿{batch}梯度的反方向调整，步长为学习率 η 乘以梯度。",
    },
    "explain.update.batch": {"en": " (the batch mean)", "zh": "（批量平均）"},
    "explain.E_new": {
        "en": "The forward pass again, with the updated weights, gives the new loss of this "
        "sample{compare}.",
        "zh": "用更新后的权重再做一次正向传播，得到该样本新的误差{compare}。",
    },
    "explain.E_new.lower": {
        "en": ": lower than before",
        "zh": "，比原来的小",
    },
    "explain.E_new.higher": {
        "en": ": not lower than before (the step was too large, or another sample of the "
        "batch pulled the other way)",
        "zh": "，没有比原来小（步长太大，或同一批的其它样本方向相反）",
    },
}

NUMERALS = "一二三四五六七八九十"


def tr(key: str, lang: str, **fields) -> str:
    """The catalogue entry in ``lang`` with ``fields`` filled in (``E`` defaults to ``E``;
    with a batch of several samples the builders pass ``E⁽ⁿ⁾``, the chosen sample's loss)."""
    entry = CATALOGUE[key]
    return entry.get(lang, entry["en"]).format(**{"E": "E", **fields})


def update_title_key(use_bias: bool, freeze_biases: bool) -> str:
    """Step 七's title says what it updates: weights and biases, weights only, or frozen biases."""
    if not use_bias:
        return "section.update.no_bias"
    return "section.update.frozen" if freeze_biases else "section.update"


def network_line(sizes, activations, use_bias: bool, freeze_biases: bool, loss: str, lr, lang):
    """The one-line summary under a document's title, in the document's language."""
    bias = "network.no_bias" if not use_bias else "network.bias"
    if use_bias and freeze_biases:
        bias = "network.frozen_bias"
    return tr(
        "network",
        lang,
        sizes="-".join(str(n) for n in sizes),
        activations=tr("list.and", lang).join(activations),
        bias=tr(bias, lang),
        loss=tr(f"loss.{loss}", lang),
        lr=f"{lr:g}",
    )


def numeral(n: int, lang: str) -> str:
    """The seed numbers its steps 一、二、...; English uses 1, 2, ... (and stays ASCII)."""
    return NUMERALS[n - 1] if lang == "zh" else str(n)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
    return lang
