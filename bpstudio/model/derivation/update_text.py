"""The prose of the next-step walkthrough (its title and intro), in English and Chinese; 七's
own words for every optimiser are in optimiser_text.py.

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
}


def text(key: str, lang: str, **params: object) -> str:
    return TEXTS[key][lang].format(**params)
