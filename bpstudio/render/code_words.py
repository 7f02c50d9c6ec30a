"""The words of an exported script or notebook (comments, printed headings), in English and
Simplified Chinese. The walkthrough's own titles come from bpstudio.model.derivation.text.

Like the derivation's text, this is content the user asked for in a language, not interface
text, so it lives here rather than in Qt's translation files; ``words(lang)`` gives one language.
"""

from __future__ import annotations

from bpstudio.model.derivation.text import check_lang

_WORDS: dict[str, tuple[str, str]] = {
    # the file's opening
    "doc.numpy": (
        "Plain NumPy: run it with `python {file}`; nothing of BP Studio is imported.",
        "纯 NumPy 代码: 用 `python {file}` 运行, 不需要 BP Studio。",
    ),
    "doc.pytorch": (
        "PyTorch (float64): the same network as torch.nn layers, gradients from autograd and\n"
        "the update from torch.optim.SGD. Run it with `python {file}`.",
        "PyTorch (float64) 版本: 同一个网络写成 torch.nn 的层, 梯度由 autograd 求出,\n"
        "更新由 torch.optim.SGD 完成。用 `python {file}` 运行。",
    ),
    "doc.what": (
        "It does what BP Studio's walkthrough shows for sample {sample}: the forward pass, the\n"
        "loss, the backward pass and one update, and prints every quantity under the\n"
        "walkthrough's name.",
        "它完成 BP Studio 逐步推导对第 {sample} 个样本所做的一切: 正向传播、误差、反向传播和\n"
        "一次更新, 并用推导中的名字打印每一个量。",
    ),
    "doc.steps": (
        "Then it trains {steps} step(s) as BP Studio does (same batches, shuffle order and\n"
        "momentum) and prints the weights.",
        "然后像 BP Studio 一样训练 {steps} 步 (相同的批次、打乱顺序和动量), 并打印权重。",
    ),
    "doc.exported": (
        "Exported from BP Studio {version}, project: {name}.",
        "由 BP Studio {version} 导出, 项目: {name}。",
    ),
    # the set-up
    "net": ("The network", "网络"),
    "net.layers": (
        "Layers are numbered as in the walkthrough: layer 1 holds the inputs x, layer L the\n"
        "outputs Y. W[l][j - 1, k - 1] is w_jk^l, the weight of the edge from unit j of layer\n"
        "l - 1 to unit k of layer l (one row per unit of the layer before).",
        "层的编号与推导一致: 第 1 层是输入 x, 第 L 层是输出 Y。W[l][j - 1, k - 1] 就是\n"
        "w_jk^l, 即从第 l - 1 层第 j 个单元到第 l 层第 k 个单元的连线的权重\n"
        "(每一行对应上一层的一个单元)。",
    ),
    "net.bias": (
        "b[l][k - 1] is b_k^l, the bias of unit k of layer l.",
        "b[l][k - 1] 就是 b_k^l, 即第 l 层第 k 个单元的偏置。",
    ),
    "net.frozen": (
        "The biases are frozen in this project: training leaves them as they are.",
        "本项目冻结了偏置: 训练时偏置保持不变。",
    ),
    "data": ("The data", "数据"),
    "data.rows": (
        "One row per sample: X the inputs, Y_hat the labels Ŷ (the known correct answers).",
        "每一行是一个样本: X 为输入, Y_hat 为标准答案 Ŷ (label 标签)。",
    ),
    "data.standardised": (
        "The inputs are standardised as BP Studio feeds them to the network (each column\n"
        "minus its mean, divided by its standard deviation, over the training rows).",
        "输入已按 BP Studio 的方式标准化 (每一列减去训练样本的均值, 再除以标准差)。",
    ),
    "data.train_rows": (
        "Training uses these rows; the rest are held out for testing.",
        "训练只用这些行, 其余的留作测试。",
    ),
    "settings": ("Training settings", "训练设置"),
    "settings.lr": ("learning rate η", "学习率 η"),
    "settings.mu": (
        "momentum μ (torch.optim.SGD's rule)",
        "动量 μ (与 torch.optim.SGD 相同的规则)",
    ),
    "settings.batch": ("samples per step", "每一步的样本数"),
    "settings.shuffle": ("a new order of the samples each epoch", "每一轮重新打乱样本顺序"),
    "settings.seed": ("seed of the shuffle order", "打乱顺序的随机种子"),
    # the functions
    "functions": (
        "Activation functions, their slopes da/dz, and the loss",
        "激活函数、其导数 da/dz, 以及误差函数",
    ),
    "slope.by_a": ("da/dz written with the unit's own output a", "用单元自己的输出 a 表示 da/dz"),
    "softmax.jacobian": (
        "softmax mixes the layer's units: dE/dz_k = a_k (dE/da_k − Σ_m dE/da_m a_m)",
        "softmax 把整层的单元联系在一起: dE/dz_k = a_k (dE/da_k − Σ_m dE/da_m a_m)",
    ),
    "loss.per_sample": ("the loss E of each sample (one per row)", "每个样本 (每一行) 的误差 E"),
    "loss.slope": ("dE/dY of each sample", "每个样本的 dE/dY"),
    "loss.softplus": (
        "log(1 + e^x), written so that it never overflows: the cross-entropy\n"
        "−[Ŷ log Y + (1 − Ŷ) log(1 − Y)] with Y = sigmoid(z)\n"
        "is Ŷ·softplus(−z) + (1 − Ŷ)·softplus(z)",
        "log(1 + e^x), 写成不会溢出的形式: 交叉熵 −[Ŷ log Y + (1 − Ŷ) log(1 − Y)]\n"
        "在 Y = sigmoid(z) 时等于 Ŷ·softplus(−z) + (1 − Ŷ)·softplus(z)",
    ),
    "forward.doc": (
        "z[l] and a[l] of every layer for the rows of x (a[1] is x itself).",
        "对 x 的每一行求出每一层的 z[l] 和 a[l] (a[1] 就是 x)。",
    ),
    "backward.doc": (
        "dE/da[l] and dE/dz[l] of each sample's own loss, from the back to the front.",
        "对每个样本自己的误差, 从后向前求出 dE/da[l] 和 dE/dz[l]。",
    ),
    "backward.merged": (
        "cross-entropy: dE/dz at the output is simply Y − Ŷ (steps 1 and 2 merge)",
        "交叉熵: 输出层的 dE/dz 就是 Y − Ŷ (一、二 两步合并)",
    ),
    "backward.chain": ("chain rule: dE/dz = dE/da · da/dz", "链式法则: dE/dz = dE/da · da/dz"),
    "backward.to_a": (
        "each unit of layer l − 1 feeds every unit of layer l: dE/da_j = Σ_k w_jk dE/dz_k",
        "第 l − 1 层的每个单元连到第 l 层的每个单元: dE/da_j = Σ_k w_jk dE/dz_k",
    ),
    "show.doc": ("print one quantity under the walkthrough's name", "用推导中的名字打印一个量"),
    # the walkthrough
    "walk": ("The walkthrough of sample {sample}", "第 {sample} 个样本的逐步推导"),
    "walk.batch": (
        "the samples trained together with it (0-based rows), by BP Studio's rule",
        "与它一起训练的样本 (从 0 开始的行号), 按 BP Studio 的规则",
    ),
    "walk.link": ("-- layer {p} → layer {l}", "-- 第 {p} 层 → 第 {l} 层"),
    "walk.output": ("-- the output and the loss", "-- 输出与误差"),
    "walk.dY": ("-- dE/dY", "-- 求 E 对 Y 的偏导"),
    "walk.layer": ("-- layer {l}", "-- 第 {l} 层"),
    "walk.sample_grad": (
        "the gradient of this sample's own loss: dE/dw_jk = a_j · dE/dz_k",
        "这个样本自己的误差的梯度: dE/dw_jk = a_j · dE/dz_k",
    ),
    "walk.batch_mean": (
        "-- the batch gradient: the mean over samples {samples}",
        "-- 批量梯度: 样本 {samples} 的平均",
    ),
    "walk.update": (
        "-- update: w ← w − η · dE/dw, then the new loss E'",
        "-- 更新: w ← w − η · dE/dw, 再求新的误差 E'",
    ),
    "walk.update.note": (
        "The walkthrough's update is the plain one (momentum starts at zero); the training\n"
        "below continues from the project's own optimiser state.",
        "推导中的更新是最基本的形式 (动量从零开始); 下面的训练从项目保存的优化器状态继续。",
    ),
    # the training
    "train": (
        "Training: {steps} step(s) as BP Studio trains",
        "训练: 像 BP Studio 一样训练 {steps} 步",
    ),
    "train.restart": (
        "Start again from the project's weights (the update above changed only copies).",
        "从项目的权重重新开始 (上面的更新只改动了副本)。",
    ),
    "train.order": (
        "The order of the samples in an epoch: shuffled with NumPy's default generator (as\n"
        "BP Studio does) or in their own order.",
        "一轮中样本的顺序: 用 NumPy 的默认随机数生成器打乱 (与 BP Studio 相同), 或按原顺序。",
    ),
    "train.state": (
        "The project's saved optimiser state: the momentum buffers, the epoch in progress and\n"
        "the random generator, so the training continues exactly where BP Studio stopped.",
        "项目保存的优化器状态: 动量缓存、进行中的一轮以及随机数生成器, 使训练从 BP Studio\n"
        "停下的地方准确地继续。",
    ),
    "train.momentum": (
        "momentum as torch.optim.SGD: buffer ← μ·buffer + dE/dw, then w ← w − η·buffer",
        "与 torch.optim.SGD 相同的动量: 缓存 ← μ·缓存 + dE/dw, 然后 w ← w − η·缓存",
    ),
    "train.plain": ("no momentum: w ← w − η·dE/dw", "没有动量: w ← w − η·dE/dw"),
    "train.loss": ("the loss of the batch before the update", "更新前这一批的误差"),
    "train.heading": ("== after {steps} training step(s)", "== 训练 {steps} 步之后"),
    "train.step": ("step {step}: E", "第 {step} 步: E"),
    # torch
    "torch.model": (
        "The same network as torch.nn layers. nn.Linear keeps its weight as (outputs × inputs),\n"
        "so W[l] goes in transposed.",
        "同一个网络写成 torch.nn 的层。nn.Linear 的权重是 (输出 × 输入),\n"
        "所以 W[l] 要转置后放进去。",
    ),
    "torch.retain": (
        "keep z and a of every layer so that their gradients can be read after backward()",
        "保留每一层的 z 和 a, 以便在 backward() 之后读出它们的梯度",
    ),
    "torch.sample_loss": (
        "autograd of this sample's own loss gives the walkthrough's per-sample gradients",
        "对这个样本自己的误差求 autograd, 得到推导中每个样本的梯度",
    ),
    "torch.batch_loss": (
        "the batch loss is the mean of the samples' losses; its gradients drive the update",
        "这一批的误差是各样本误差的平均, 用它的梯度来更新",
    ),
    "torch.sgd": (
        "torch.optim.SGD takes the step (the walkthrough's update: momentum starts at zero)",
        "由 torch.optim.SGD 完成更新 (推导中的更新: 动量从零开始)",
    ),
    "torch.check": ("The check with PyTorch", "用 PyTorch 验算"),
    "torch.check.doc": (
        "The same step with torch.nn, autograd and torch.optim (float64); it must agree with\n"
        "the NumPy code above to the last digits.",
        "用 torch.nn、autograd 和 torch.optim (float64) 重做同一步, 结果必须与上面的 NumPy\n"
        "代码一致到最后几位。",
    ),
    "torch.agree": ("torch agrees with NumPy: largest difference", "torch 与 NumPy 一致: 最大差值"),
    # notebook
    "nb.title": ("Backpropagation step by step: {name}", "BP 算法逐步推导: {name}"),
    "nb.run": (
        "Run the cells in order. The code is plain NumPy; the last cell checks it with PyTorch.",
        "按顺序运行各单元。代码是纯 NumPy; 最后一个单元用 PyTorch 验算。",
    ),
    "nb.more": ("… and {n} more of the same kind.", "…… 同理还有 {n} 个。"),
    "nb.formulas": ("The formulas", "公式"),
}


def words(lang: str) -> dict[str, str]:
    check_lang(lang)
    column = 0 if lang == "en" else 1
    return {key: pair[column] for key, pair in _WORDS.items()}


def comment(text: str, indent: str = "") -> list[str]:
    """``text`` as Python comment lines."""
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]
