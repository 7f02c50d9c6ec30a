"""Practice's words, in English and Chinese: each mistake's name and advice, each verdict, the
summary.  Kept with the model (not in Qt's catalogue) because the exercise sheets of the
command line need them too, without Qt."""

from __future__ import annotations

from bpstudio.model.derivation.text import check_lang

# code -> (short name, what went wrong and where to look)
MISTAKE_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    "sign_flipped": {
        "en": (
            "the sign",
            "The sign is flipped: it is Y − Ŷ (output minus label), and the "
            "update subtracts: w − η·∂E/∂w.",
        ),
        "zh": ("符号", "符号反了：应是 Y − Ŷ（输出减标准答案），更新时是减去：w − η·∂E/∂w。"),
    },
    "dropped_slope": {
        "en": (
            "the activation's slope",
            "The activation's derivative is missing: multiply "
            "∂E/∂a by ∂a/∂z (for the sigmoid, a − a²).",
        ),
        "zh": ("激活函数的导数", "漏乘了激活函数的导数：∂E/∂a 还要乘 ∂a/∂z（sigmoid 为 a − a²）。"),
    },
    "slope_from_z": {
        "en": (
            "the slope's variable",
            "The slope was computed from z: the sigmoid's is a − a² with a = f(z), not z − z².",
        ),
        "zh": (
            "导数里的变量",
            "导数用错了变量：sigmoid 的导数是 a − a²（a = f(z)），不是 z − z²。",
        ),
    },
    "missed_path": {
        "en": (
            "the missing path",
            "A path is missing: a hidden unit reaches E through every "
            "unit of the next layer; sum ∂E/∂z·w over all of them.",
        ),
        "zh": (
            "漏掉的路径",
            "漏了一条路径：隐含层单元通过下一层的每个单元影响 E，要把所有的 ∂E/∂z·w 加起来。",
        ),
    },
    "used_updated_weight": {
        "en": (
            "the updated weight",
            "You used a weight already updated: back-propagate with "
            "the weights of the forward pass; all updates come in 七, after every gradient.",
        ),
        "zh": (
            "更新后的权重",
            "用了已经更新的权重：反向传播要用正向传播时的权重；所有权重在第七步才一起更新。",
        ),
    },
    "wrong_input": {
        "en": (
            "the input",
            "Wrong input: ∂z_k/∂w_jk is the output a_j of the unit the weight "
            "comes from (x_j for the first layer).",
        ),
        "zh": ("输入", "乘错了输入：∂z_k/∂w_jk 是该权重出发的单元的输出 a_j（第一层为 x_j）。"),
    },
    "half_factor": {
        "en": (
            "a factor of 2",
            "A factor of 2 is off: the ½ in E and the 2 from the square cancel, so ∂E/∂Y = Y − Ŷ.",
        ),
        "zh": ("因子 2", "差了一个因子 2：E 里的 ½ 和平方求导的 2 相消，∂E/∂Y = Y − Ŷ。"),
    },
    "forgot_learning_rate": {
        "en": (
            "the learning rate",
            "The learning rate is missing: the step is η·∂E/∂w, not ∂E/∂w.",
        ),
        "zh": ("学习率", "漏了学习率：更新量是 η·∂E/∂w，不是 ∂E/∂w。"),
    },
    "swapped_indices": {
        "en": (
            "the indices",
            "The indices are swapped: w_jk runs from unit j of the layer "
            "before to unit k of this layer.",
        ),
        "zh": ("下标", "下标颠倒了：w_jk 是从前一层的单元 j 到本层的单元 k。"),
    },
    "weight_for_input": {
        "en": (
            "the weight for the input",
            "That is the weight, not the input: ∂z/∂w is the input a_j, while ∂z/∂a is the weight.",
        ),
        "zh": ("权重与输入", "乘的是权重而不是输入：∂z/∂w 是输入 a_j，∂z/∂a 才是权重。"),
    },
    "used_z_for_a": {
        "en": ("z for a", "The layer before passes on its outputs a = f(z), not its z."),
        "zh": ("z 与 a", "前一层传下来的是输出 a = f(z)，不是 z。"),
    },
    "dropped_bias": {
        "en": ("the bias", "The bias is missing: z = Σ a·w + b."),
        "zh": ("偏置", "漏了偏置：z = Σ a·w + b。"),
    },
    "missed_mean": {
        "en": ("the mean", "The mean is missing: this loss divides by the number of outputs."),
        "zh": ("平均", "漏了求平均：这个误差要除以输出的个数。"),
    },
    "extra_slope": {
        "en": (
            "an extra slope",
            "With cross-entropy the slope cancels: ∂E/∂z = Y − Ŷ without a − a².",
        ),
        "zh": ("多乘的导数", "交叉熵下导数已经相消：∂E/∂z = Y − Ŷ，不用再乘 a − a²。"),
    },
    "sum_not_mean": {
        "en": (
            "the batch mean",
            "The batch gradient is the mean over the batch: divide the sum by B.",
        ),
        "zh": ("批平均", "批量梯度是整批的平均：和还要除以 B。"),
    },
    "one_sample": {
        "en": (
            "the other samples",
            "That is this sample's own gradient: the batch's is the mean over all its samples.",
        ),
        "zh": ("其他样本", "这只是本样本的梯度：批量梯度是整批样本的平均。"),
    },
    "dropped_weight": {
        "en": (
            "the old weight",
            "That is only the change: the new weight is the old one plus it, w − η·∂E/∂w.",
        ),
        "zh": ("原来的权重", "这只是变化量：新权重是原权重加上它，w − η·∂E/∂w。"),
    },
    "old_weights": {
        "en": (
            "the old weights",
            "That is the loss before the update: E' uses the new weights of 七.",
        ),
        "zh": ("旧权重", "这是更新前的误差：E' 要用第七步更新后的权重。"),
    },
    "dropped_decay": {
        "en": (
            "the weight decay",
            "The weight decay is missing: the optimiser's gradient is g = ∂E/∂w + λ·w, "
            "and g stands for it in every line below.",
        ),
        "zh": (
            "权重衰减",
            "漏了权重衰减：优化器用的梯度是 g = ∂E/∂w + λ·w，下面每一行的 g 都指它。",
        ),
    },
    "decay_on_weight": {
        "en": (
            "where the decay goes",
            "The decay was applied to the weight (as AdamW does): here λ·w is added to the "
            "gradient first, g = ∂E/∂w + λ·w, and goes through the optimiser with it.",
        ),
        "zh": (
            "衰减加在哪里",
            "把衰减直接用在了权重上（AdamW 的做法）：这里 λ·w 先加到梯度上，"
            "g = ∂E/∂w + λ·w，再和梯度一起进入优化器。",
        ),
    },
    "forgot_momentum": {
        "en": (
            "the momentum",
            "The momentum is missing: the buffer keeps μ times its old value, b ← μ·b + g, "
            "and the step uses b, not g alone.",
        ),
        "zh": (
            "动量",
            "漏了动量：缓冲保留 μ 倍的旧值，b ← μ·b + g，更新用的是 b，而不只是 g。",
        ),
    },
    "damped_momentum": {
        "en": (
            "an extra (1 − μ)",
            "The buffer is no average here: b ← μ·b + g adds the whole gradient, without (1 − μ).",
        ),
        "zh": ("多乘的 (1 − μ)", "这里的缓冲不是平均：b ← μ·b + g 加上整个梯度，不乘 (1 − μ)。"),
    },
    "no_lookahead": {
        "en": (
            "Nesterov's look-ahead",
            "That is classical momentum: Nesterov looks one step ahead, w − η·(g + μ·b).",
        ),
        "zh": ("Nesterov 的前瞻", "这是普通动量：Nesterov 要向前看一步，w − η·(g + μ·b)。"),
    },
    "dropped_one_minus": {
        "en": (
            "the (1 − β)",
            "The new term's weight is missing: a running average adds (1 − β) times the new "
            "value, m ← β·m + (1 − β)·g.",
        ),
        "zh": (
            "新项的 (1 − β)",
            "漏了新项的权重：滑动平均加上的是 (1 − β) 倍的新值，m ← β·m + (1 − β)·g。",
        ),
    },
    "swapped_rates": {
        "en": (
            "β and 1 − β",
            "β and 1 − β are swapped: β keeps the old average, 1 − β weighs the new value.",
        ),
        "zh": ("β 与 1 − β", "β 和 1 − β 颠倒了：β 乘旧的平均值，1 − β 乘新值。"),
    },
    "unsquared_gradient": {
        "en": (
            "the square",
            "The gradient is not squared: this average is of g², v ← β·v + (1 − β)·g².",
        ),
        "zh": ("平方", "梯度没有平方：这个平均的是 g²，v ← β·v + (1 − β)·g²。"),
    },
    "no_bias_correction": {
        "en": (
            "the bias correction",
            "The bias correction is missing: Adam divides m and v by 1 − βᵗ, "
            "mˆ = m/(1 − β₁ᵗ), vˆ = v/(1 − β₂ᵗ), and steps with mˆ and vˆ.",
        ),
        "zh": (
            "偏差修正",
            "漏了偏差修正：Adam 要把 m、v 除以 1 − βᵗ，mˆ = m/(1 − β₁ᵗ)，"
            "vˆ = v/(1 − β₂ᵗ)，再用 mˆ、vˆ 更新。",
        ),
    },
    "step_from_zero": {
        "en": (
            "the step's number",
            "t counts from 1: the first step is t = 1, so this one is the number of steps "
            "taken before it plus one.",
        ),
        "zh": ("步数", "t 从 1 开始数：第一步 t = 1，这一步是之前走过的步数加一。"),
    },
    "dropped_power": {
        "en": (
            "the power t",
            "The power is missing: the correction is 1 − βᵗ, with β raised to the step's number t.",
        ),
        "zh": ("t 次方", "漏了 t 次方：修正项是 1 − βᵗ，β 要取步数 t 次方。"),
    },
    "inverted_correction": {
        "en": (
            "multiplied, not divided",
            "The correction divides: mˆ = m/(1 − β₁ᵗ) and vˆ = v/(1 − β₂ᵗ) are larger than "
            "m and v, not smaller.",
        ),
        "zh": (
            "乘与除",
            "修正是除法：mˆ = m/(1 − β₁ᵗ)、vˆ = v/(1 − β₂ᵗ) 比 m、v 大，而不是更小。",
        ),
    },
    "dropped_root": {
        "en": (
            "the square root",
            "The square root is missing: the step divides by √v + ε, not by v + ε.",
        ),
        "zh": ("平方根", "漏了平方根：更新量除以 √v + ε，不是 v + ε。"),
    },
    "epsilon_inside_root": {
        "en": (
            "where ε goes",
            "ε goes outside the root: divide by √v + ε, not √(v + ε).",
        ),
        "zh": ("ε 的位置", "ε 在根号外面：除以 √v + ε，而不是 √(v + ε)。"),
    },
}

_TEXT: dict[str, dict[str, str]] = {
    "correct": {"en": "Right: {value}.", "zh": "正确：{value}。"},
    "correct.imprecise": {
        "en": "Right. With more digits it is {value}.",
        "zh": "正确。更精确地说是 {value}。",
    },
    "mistake": {"en": "Not quite. {advice}", "zh": "还不对。{advice}"},
    "not_yet": {
        "en": "Not yet. Try again, or take a hint.",
        "zh": "还不对。再试一次，或者看一个提示。",
    },
    "more_digits": {
        "en": "More digits, please: type at least {digits} significant digits.",
        "zh": "请多写几位：至少 {digits} 位有效数字。",
    },
    "rounding": {
        "en": "Close: round the last digit rather than cutting it off.",
        "zh": "很接近：最后一位要四舍五入，而不是直接截断。",
    },
    "unreadable": {
        "en": "Type a number, such as 0.0213 or -2.13e-2.",
        "zh": "请输入一个数，例如 0.0213 或 -2.13e-2。",
    },
    "revealed": {"en": "The answer is {value}.", "zh": "答案是 {value}。"},
    "summary": {
        "en": "{right} of {total} right first time",
        "zh": "{total} 步中 {right} 步一次做对",
    },
    "summary.look": {"en": "; look again at {section}: {what}", "zh": "；请再看 {section}：{what}"},
    "summary.open": {
        "en": " ({open} not answered yet)",
        "zh": "（{open} 步尚未作答）",
    },
    "summary.start": {"en": "{total} values to work out", "zh": "共 {total} 个值要算"},
    "summary.none": {
        "en": "Nothing to practise at this level.",
        "zh": "这一级没有需要计算的步骤。",
    },
    "revealed.what": {"en": "the answers you revealed", "zh": "你查看了答案的步骤"},
    "tries.what": {"en": "the steps that took more tries", "zh": "多试了几次的步骤"},
}


def mistake_name(code: str, lang: str) -> str:
    return MISTAKE_TEXT[code][check_lang(lang)][0]


def mistake_advice(code: str, lang: str) -> str:
    return MISTAKE_TEXT[code][check_lang(lang)][1]


def practice_text(key: str, lang: str, **values: object) -> str:
    return _TEXT[key][check_lang(lang)].format(**values)
