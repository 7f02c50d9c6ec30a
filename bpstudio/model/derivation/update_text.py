"""The prose of the next-step walkthrough and of 七 with momentum, in English and Chinese.

Apart from text.py's catalogue so that the update's words live with the update (update.py,
builder.py); the same ``{name}`` placeholders.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "title.next": {
        "en": "Backpropagation step by step: the next training step (step {step}), the batch "
        "of rows {rows}",
        "zh": "BP 算法逐步推导：下一个训练步（第 {step} 步），这一批为第 {rows} 行",
    },
    "title.sample": {
        "en": "Backpropagation step by step: sample {sample} (not the trainer's next step)",
        "zh": "BP 算法逐步推导：第 {sample} 个样本（不是训练的下一步）",
    },
    "intro.next": {
        "en": "This is exactly the step the trainer takes next: its batch, in its order{held}. "
        "Steps 1–6 follow row {row} of the batch; the batch gradient is the mean over all its "
        "rows.",
        "zh": "这正是训练接下来要走的一步：这一批的行及其顺序{held}。一至六步以这一批中的第 {row} "
        "行为例；批量梯度是这一批所有行的平均。",
    },
    "intro.held": {
        "en": "; the held-out rows {rows} (test split) never enter a batch",
        "zh": "；留作测试的第 {rows} 行从不进入训练批",
    },
    "intro.sample": {
        "en": "This walks one chosen sample with a plain gradient step (no momentum); it is not "
        "the trainer's next step, and applying it is an edit, not a training step.",
        "zh": "这里以选定的单个样本演示一次普通的梯度下降（不含动量）；它不是训练的下一步，"
        "应用它只是一次编辑，不是训练步。",
    },
    "section.update.momentum": {
        "en": "7. Update every weight (and bias) with momentum: b ← μ·b + ∂E/∂w, then "
        "w ← w − η·b; then the new loss",
        "zh": "七、带动量更新权重（和偏置）：b ← μ·b + ∂E/∂w，再 w ← w − η·b，然后求新的误差",
    },
    "section.update.momentum.no_bias": {
        "en": "7. Update every weight with momentum: b ← μ·b + ∂E/∂w, then w ← w − η·b; "
        "then the new loss",
        "zh": "七、带动量更新权重：b ← μ·b + ∂E/∂w，再 w ← w − η·b，然后求新的误差",
    },
    "section.update.momentum.frozen": {
        "en": "7. Update every weight with momentum (the biases are frozen, not updated): "
        "b ← μ·b + ∂E/∂w, then w ← w − η·b; then the new loss",
        "zh": "七、带动量更新权重（偏置固定，不更新）：b ← μ·b + ∂E/∂w，再 w ← w − η·b，"
        "然后求新的误差",
    },
    "explain.buffer": {
        "en": "Momentum (torch.optim.SGD's rule): {b} is the momentum buffer of {p}, the "
        "stored sum of its earlier gradients, each step weighted by μ = {mu}; add this step's "
        "gradient{batch}.",
        "zh": "动量（与 torch.optim.SGD 的规则相同）：{b} 是 {p} 的动量缓冲，存着此前各步梯度的"
        "累积，每过一步乘以 μ = {mu}；再加上这一步的梯度{batch}。",
    },
    "explain.update.momentum": {
        "en": "Move {p} against its momentum buffer, by the learning rate η times the buffer.",
        "zh": "将 {p} 沿动量缓冲的反方向调整，步长为学习率 η 乘以缓冲。",
    },
}


def text(key: str, lang: str, **params) -> str:
    return TEXTS[key][lang].format(**params)
