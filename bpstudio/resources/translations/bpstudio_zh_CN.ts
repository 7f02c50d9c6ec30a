<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>licence text</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <source>See backpropagation happen, and step through it with real numbers.</source>
        <translation>亲眼看到反向传播的过程, 用真实的数字一步一步地推导。</translation>
    </message>
    <message>
        <source>Built with Qt %s and PySide6 %s, used under the LGPL (you may replace the Qt libraries with your own build).</source>
        <translation>基于 Qt %s 与 PySide6 %s 构建, 依 LGPL 许可使用 (您可以用自己编译的 Qt 库替换)。</translation>
    </message>
    <message>
        <source>About BP Studio</source>
        <translation>关于 BP Studio</translation>
    </message>
</context>
<context>
    <name>AccuracyReadout</name>
    <message>
        <source>Accuracy: train %s</source>
        <translation>准确率: 训练集 %s</translation>
    </message>
    <message>
        <source> · test %s</source>
        <translation> · 测试集 %s</translation>
    </message>
    <message>
        <source>test loss %s</source>
        <translation>测试损失 %s</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>BP Studio hit a problem</source>
        <translation>BP Studio 遇到了问题</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Something went wrong inside BP Studio. Your work is still open: use Save As to keep a copy, then carry on or restart BP Studio.</source>
        <translation>BP Studio 内部出错了。您的工作仍然打开着: 请先用 “另存为” 保存一份副本, 然后继续工作或重新启动 BP Studio。</translation>
    </message>
    <message>
        <source>(This happened %d times.)</source>
        <translation>(已发生 %d 次。)</translation>
    </message>
    <message>
        <source>The details are also in %s.</source>
        <translation>详细信息也保存在 %s。</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation>请选择一个 CSV 文件。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>First row is a header:</source>
        <translation>第一行是表头:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符:</translation>
    </message>
    <message>
        <source>Preview; choose each column&apos;s role in the first row:</source>
        <translation>预览; 在第一行为每一列选择用途:</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>%d samples, %d inputs, %d target columns (%s)</source>
        <translation>%d 个样本, %d 个输入, %d 个目标列 (%s)</translation>
    </message>
</context>
<context>
    <name>DataControls</name>
    <message>
        <source>How many samples to draw</source>
        <translation>生成多少个样本</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to the data</source>
        <translation>加到数据上的噪声的标准差</translation>
    </message>
    <message>
        <source>The same seed draws the same data</source>
        <translation>相同的种子生成相同的数据</translation>
    </message>
    <message>
        <source>choose a set…</source>
        <translation>选择数据集…</translation>
    </message>
    <message>
        <source>Replace the data by a built-in set at once (Ctrl+Z undoes)</source>
        <translation>立即用内置数据集替换数据 (Ctrl+Z 撤销)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Replace the data by the chosen built-in set</source>
        <translation>用所选的内置数据集替换当前数据</translation>
    </message>
    <message>
        <source>Share of the rows held out for testing (0: none)</source>
        <translation>留作测试的行所占比例 (0: 不留)</translation>
    </message>
    <message>
        <source>Which rows are held out</source>
        <translation>决定哪些行被留作测试</translation>
    </message>
    <message>
        <source>Standardise inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>The network sees (x − mean) / sd per input column, over the training rows</source>
        <translation>网络看到的是每个输入列的 (x − 均值) / 标准差 (按训练集的行计算)</translation>
    </message>
    <message>
        <source>Built-in:</source>
        <translation>内置数据集:</translation>
    </message>
    <message>
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>测试比例:</translation>
    </message>
    <message>
        <source>split seed</source>
        <translation>划分种子</translation>
    </message>
</context>
<context>
    <name>DataDocks</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the data by a CSV file&apos;s columns</source>
        <translation>用 CSV 文件中的列替换当前数据</translation>
    </message>
    <message>
        <source>&amp;Export data CSV…</source>
        <translation>导出数据为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the data (raw values) as CSV</source>
        <translation>把数据 (原始值) 保存为 CSV</translation>
    </message>
    <message>
        <source>Export &amp;weights CSV…</source>
        <translation>导出权重为 CSV(&amp;W)…</translation>
    </message>
    <message>
        <source>Save every weight and bias as CSV</source>
        <translation>把所有权重和偏置保存为 CSV</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Replace the data by the chosen built-in set</source>
        <translation>用所选的内置数据集替换当前数据</translation>
    </message>
    <message>
        <source>Cannot use these data</source>
        <translation>无法使用这些数据</translation>
    </message>
    <message>
        <source>The data has %d input(s) and %d target(s); the network has %d input(s) and %d output(s). Resize the input and output layers to fit? (Undo puts everything back.)</source>
        <translation>数据有 %d 个输入和 %d 个目标; 网络有 %d 个输入和 %d 个输出。要调整输入层和输出层的大小以匹配数据吗? (撤销可以恢复原样。)</translation>
    </message>
    <message>
        <source>Resize the network?</source>
        <translation>调整网络大小?</translation>
    </message>
    <message>
        <source>Import %s</source>
        <translation>导入 %s</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Wrote %s</source>
        <translation>已写入 %s</translation>
    </message>
</context>
<context>
    <name>DataEditsMixin</name>
    <message>
        <source>Replace the data (%d samples)</source>
        <translation>替换数据 (%d 个样本)</translation>
    </message>
    <message>
        <source>Data: %s (%d samples, noise %s, seed %d)</source>
        <translation>数据: %s (%d 个样本, 噪声 %s, 种子 %d)</translation>
    </message>
    <message>
        <source>Set data row %d, column %d to %s</source>
        <translation>把数据第 %d 行第 %d 列设为 %s</translation>
    </message>
    <message>
        <source>Add a data row</source>
        <translation>添加一行数据</translation>
    </message>
    <message>
        <source>Remove data row %d</source>
        <translation>删除第 %d 行数据</translation>
    </message>
    <message>
        <source>Hold out %s%% for testing (seed %d)</source>
        <translation>留出 %s%% 作测试 (种子 %d)</translation>
    </message>
    <message>
        <source>Standardise the inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>Use the raw inputs</source>
        <translation>使用原始输入</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Copy the selected row (or the last) below it</source>
        <translation>复制所选的行 (或最后一行) 到其下方</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>删除所选的行</translation>
    </message>
    <message>
        <source>Double-click a number to edit it; click a row to walk it through</source>
        <translation>双击数字可编辑; 单击一行可逐步推导该样本</translation>
    </message>
    <message>
        <source>%d samples: %d train, %d test</source>
        <translation>%d 个样本: %d 个训练, %d 个测试</translation>
    </message>
    <message>
        <source>Standardised (mean ± sd of the training rows): %s</source>
        <translation>已标准化 (训练行的均值 ± 标准差): %s</translation>
    </message>
    <message>
        <source>Loss: evaluating…</source>
        <translation>损失: 正在计算…</translation>
    </message>
    <message>
        <source>Loss: train %s, test %s</source>
        <translation>损失: 训练集 %s, 测试集 %s</translation>
    </message>
    <message>
        <source> · accuracy: train %s, test %s</source>
        <translation> · 准确率: 训练集 %s, 测试集 %s</translation>
    </message>
</context>
<context>
    <name>DatasetTableModel</name>
    <message>
        <source>set</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>train: the network learns from this row; test: held out to measure</source>
        <translation>训练: 网络从这一行学习; 测试: 留出来用于评估</translation>
    </message>
    <message>
        <source>Input %d (raw value)</source>
        <translation>输入 %d (原始值)</translation>
    </message>
    <message>
        <source>Target %d: the label Ŷ</source>
        <translation>目标 %d: 标准答案 Ŷ (label 标签)</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The walkthrough&apos;s sample</source>
        <translation>逐步推导所用的样本</translation>
    </message>
    <message>
        <source>the network sees %s (standardised)</source>
        <translation>网络看到的是 %s (已标准化)</translation>
    </message>
    <message>
        <source>%r is not a number; the value is unchanged</source>
        <translation>%r 不是数字; 数值保持不变</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryWidget</name>
    <message>
        <source>The network&apos;s output over the plane: circles train, squares test</source>
        <translation>网络在平面上的输出: 圆点为训练样本, 方块为测试样本</translation>
    </message>
    <message>
        <source>The decision boundary is drawn for networks with 2 inputs (a point of the plane per sample). This network has %d input(s); choose a 2-D data set such as Circle or Two spirals in the Data panel to see it.</source>
        <translation>决策边界只对有 2 个输入的网络绘制 (每个样本是平面上的一个点)。此网络有 %d 个输入; 请在数据面板中选择一个二维数据集 (例如圆形或双螺旋) 来查看。</translation>
    </message>
    <message>
        <source>Colour: the class the network picks (argmax)</source>
        <translation>颜色: 网络选择的类别 (argmax)</translation>
    </message>
    <message>
        <source>Colour: the output, orange %s … blue %s; the white band is the boundary</source>
        <translation>颜色: 输出值, 橙色 %s … 蓝色 %s; 白色带是边界</translation>
    </message>
</context>
<context>
    <name>DerivationPanel</name>
    <message>
        <source>Training is running: the walkthrough follows again when it pauses.</source>
        <translation>正在训练: 暂停后逐步推导会继续跟上。</translation>
    </message>
    <message>
        <source>Preparing the walkthrough of this network (%s weights)…</source>
        <translation>正在准备这个网络的逐步推导 (%s 个权重)…</translation>
    </message>
    <message>
        <source>This network has %s weights: a walkthrough would show about twice as many formulas, too many to go through one by one (walkthroughs are made up to %s weights). Try it on a smaller network; `bpstudio derive` writes a handout of this one with the repeated steps left out.</source>
        <translation>这个网络有 %s 个权重: 逐步推导的公式约为其两倍, 太多, 无法逐一查看 (逐步推导最多支持 %s 个权重)。请在较小的网络上尝试; `bpstudio derive` 可以为这个网络写出省略重复步骤的讲义。</translation>
    </message>
    <message>
        <source>Press → to go through the formulas one by one; Play trains the network.</source>
        <translation>按 → 逐个查看公式; 点击“开始”训练网络。</translation>
    </message>
    <message>
        <source>… %s more formulas: go on with Next (or jump here)</source>
        <translation>… 另外还有 %s 个公式: 用“下一步”继续 (或点此跳到这里)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Set %s to %s</source>
        <translation>把 %s 设为 %s</translation>
    </message>
    <message>
        <source>Re-initialise weights (%s, seed %d)</source>
        <translation>重新初始化权重 (%s, 种子 %d)</translation>
    </message>
    <message>
        <source>New exercise (seed %d)</source>
        <translation>新练习（种子 %d）</translation>
    </message>
    <message>
        <source>Set learning rate to %s</source>
        <translation>将学习率设为 %s</translation>
    </message>
    <message>
        <source>Set momentum to %s</source>
        <translation>将动量设为 %s</translation>
    </message>
    <message>
        <source>Set batch size to %d</source>
        <translation>将批量大小设为 %d</translation>
    </message>
    <message>
        <source>Shuffle each epoch</source>
        <translation>每轮打乱顺序</translation>
    </message>
    <message>
        <source>Stop shuffling</source>
        <translation>不再打乱顺序</translation>
    </message>
    <message>
        <source>Set shuffle seed to %d</source>
        <translation>将打乱顺序的种子设为 %d</translation>
    </message>
    <message>
        <source>Set optimiser to %s</source>
        <translation>把优化器设为 %s</translation>
    </message>
    <message>
        <source>Use Nesterov momentum</source>
        <translation>使用 Nesterov 动量</translation>
    </message>
    <message>
        <source>Stop using Nesterov momentum</source>
        <translation>停用 Nesterov 动量</translation>
    </message>
    <message>
        <source>Set weight decay to %s</source>
        <translation>把权重衰减设为 %s</translation>
    </message>
    <message>
        <source>Set training: learning rate %s, batch size %d</source>
        <translation>训练设置: 学习率 %s, 批大小 %d</translation>
    </message>
    <message>
        <source>Set loss to %s</source>
        <translation>把损失函数设为 %s</translation>
    </message>
    <message>
        <source>Add a unit to layer %d</source>
        <translation>在第 %d 层添加一个单元</translation>
    </message>
    <message>
        <source>Remove unit %d of layer %d</source>
        <translation>删除第 %d 个单元 (第 %d 层)</translation>
    </message>
    <message>
        <source>Insert a %d-unit layer at %d</source>
        <translation>插入一个 %d 单元的层 (位置 %d)</translation>
    </message>
    <message>
        <source>Remove layer %d</source>
        <translation>删除第 %d 层</translation>
    </message>
    <message>
        <source>Set layer %d activation to %s</source>
        <translation>把第 %d 层的激活函数设为 %s</translation>
    </message>
    <message>
        <source>Switch biases on</source>
        <translation>启用偏置</translation>
    </message>
    <message>
        <source>Switch biases off</source>
        <translation>关闭偏置</translation>
    </message>
    <message>
        <source>Momentum reset for the reshaped weights: they start from zero momentum</source>
        <translation>改变了形状的权重的动量已清零：它们从零动量重新开始</translation>
    </message>
    <message>
        <source>The optimiser starts afresh: its running averages and step count are zero again</source>
        <translation>优化器重新开始：它的滑动平均和步数重新归零</translation>
    </message>
    <message>
        <source>Training starts a fresh epoch: the data or the batch settings changed</source>
        <translation>训练从新的一轮开始：数据或批量设置已改变</translation>
    </message>
</context>
<context>
    <name>ExerciseSheetsDialog</name>
    <message>
        <source>Export exercise sheets</source>
        <translation>导出练习卷</translation>
    </message>
    <message>
        <source>One sheet per student, each with its own numbers</source>
        <translation>每个学生一份练习卷，数字各不相同</translation>
    </message>
    <message>
        <source>The same seed gives the same sheets again</source>
        <translation>相同的种子会再次生成相同的练习卷</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>the last %d section(s)</source>
        <translation>最后 %d 节</translation>
    </message>
    <message>
        <source>nothing (worked example)</source>
        <translation>不留空（完整例题）</translation>
    </message>
    <message>
        <source>Which sections the students work out, from the end</source>
        <translation>学生自己计算哪些小节（从最后一节往前数）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Students:</source>
        <translation>学生人数：</translation>
    </message>
    <message>
        <source>Class seed:</source>
        <translation>班级种子：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Blanks:</source>
        <translation>留空：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Folder for the sheets</source>
        <translation>练习卷保存的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the sheets.</source>
        <translation>请选择保存练习卷的文件夹。</translation>
    </message>
    <message>
        <source>Could not write the sheets: %s</source>
        <translation>无法写入练习卷：%s</translation>
    </message>
    <message>
        <source>Wrote %d file(s) to %s</source>
        <translation>已将 %d 个文件写入 %s</translation>
    </message>
</context>
<context>
    <name>ExperimentDialog</name>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>&amp;Vary:</source>
        <translation>改变(&amp;V):</translation>
    </message>
    <message>
        <source>V&amp;alues:</source>
        <translation>取值(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E):</translation>
    </message>
    <message>
        <source>Con&amp;verged below:</source>
        <translation>收敛阈值(&amp;V):</translation>
    </message>
    <message>
        <source>The one setting that differs between the runs</source>
        <translation>各次运行之间唯一不同的设置</translation>
    </message>
    <message>
        <source>How many epochs each run trains</source>
        <translation>每次运行训练多少轮</translation>
    </message>
    <message>
        <source>A run has converged at the first epoch whose loss is below this share of its first epoch&apos;s loss</source>
        <translation>运行在第一个损失低于其第 1 轮损失这一比例的轮次收敛</translation>
    </message>
    <message>
        <source>Each run starts from this run&apos;s starting weights; every other setting, the seeds too, stays as it is now.</source>
        <translation>每次运行都从本次运行的初始权重开始；其他所有设置（包括种子）都保持现在的值。</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Train every run, one after the other (Enter)</source>
        <translation>依次训练每一次运行（Enter）</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop; the runs finished so far stay</source>
        <translation>停止；已完成的运行会保留</translation>
    </message>
    <message>
        <source>&amp;Keep as runs</source>
        <translation>保存为运行记录(&amp;K)</translation>
    </message>
    <message>
        <source>Put these runs in the Runs dock and the project, to compare and restore (undoable)</source>
        <translation>把这些运行放进“运行记录”面板和项目中，以便比较和恢复（可撤销）</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>training loss (log scale)</source>
        <translation>训练损失（对数刻度）</translation>
    </message>
    <message>
        <source>The values to compare, separated by commas</source>
        <translation>要比较的取值，用逗号分隔</translation>
    </message>
    <message>
        <source>One of: %s</source>
        <translation>可选：%s</translation>
    </message>
    <message>
        <source>Training %d runs…</source>
        <translation>正在训练 %d 次运行…</translation>
    </message>
    <message>
        <source>Kept %d runs: see the Runs dock</source>
        <translation>已保存 %d 次运行：见“运行记录”面板</translation>
    </message>
    <message>
        <source>Done: %d runs</source>
        <translation>完成：%d 次运行</translation>
    </message>
    <message>
        <source>Cancelled: %d runs finished</source>
        <translation>已取消：完成了 %d 次运行</translation>
    </message>
</context>
<context>
    <name>ExperimentJob</name>
    <message>
        <source>The experiment&apos;s process ended unexpectedly</source>
        <translation>实验的进程意外结束</translation>
    </message>
</context>
<context>
    <name>ExportCodeDialog</name>
    <message>
        <source>NumPy script (.py)</source>
        <translation>NumPy 脚本 (.py)</translation>
    </message>
    <message>
        <source>PyTorch script (.py)</source>
        <translation>PyTorch 脚本 (.py)</translation>
    </message>
    <message>
        <source>Jupyter notebook (.ipynb)</source>
        <translation>Jupyter 笔记本 (.ipynb)</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Export as code</source>
        <translation>导出为代码</translation>
    </message>
    <message>
        <source>Code that builds this network, data and training settings and prints every number of the walkthrough, to run outside BP Studio.</source>
        <translation>生成的代码会建立这个网络、数据和训练设置, 并打印逐步推导中的每一个数, 可以在 BP Studio 之外运行。</translation>
    </message>
    <message>
        <source>NumPy: plain arrays and a loop over layers. PyTorch: torch.nn, autograd and torch.optim. Notebook: the NumPy code with the walkthrough&apos;s formulas, checked by PyTorch at the end.</source>
        <translation>NumPy: 普通数组和逐层循环。PyTorch: torch.nn、autograd 和 torch.optim。笔记本: NumPy 代码加上逐步推导的公式, 最后用 PyTorch 验算。</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C):</translation>
    </message>
    <message>
        <source>The language of the comments and headings</source>
        <translation>注释和标题的语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>The sample whose walkthrough the code prints</source>
        <translation>代码打印哪个样本的逐步推导</translation>
    </message>
    <message>
        <source>&amp;Sample:</source>
        <translation>样本(&amp;S):</translation>
    </message>
    <message>
        <source>no training</source>
        <translation>不训练</translation>
    </message>
    <message>
        <source>After the walkthrough, train this many steps as BP Studio does (batches, shuffle order, momentum) and print the weights</source>
        <translation>逐步推导之后, 像 BP Studio 一样训练这么多步 (批次、打乱顺序、动量), 并打印权重</translation>
    </message>
    <message>
        <source>&amp;Training steps:</source>
        <translation>训练步数(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Could not export: %s</source>
        <translation>无法导出: %s</translation>
    </message>
    <message>
        <source>Exported %s to %s</source>
        <translation>已将%s导出到 %s</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>The diagram</source>
        <translation>结构图</translation>
    </message>
    <message>
        <source>The middle shows the seed network: three inputs x on the left, two hidden units, two outputs. Each line is a weight w: blue when positive, orange when negative, wider when larger. Each circle shows its unit&apos;s activation a.</source>
        <translation>中间是种子网络: 左边三个输入 x, 两个隐含单元, 两个输出。每条连线是一个权重 w: 正为蓝色, 负为橙色, 越大越粗。每个圆圈显示该单元的激活值 a。</translation>
    </message>
    <message>
        <source>Step through one pass: press →</source>
        <translation>逐步走完一遍: 按 →</translation>
    </message>
    <message>
        <source>The Walkthrough panel on the right shows one formula at a time, first with symbols, then with the numbers. The diagram highlights in magenta what the formula uses. The forward pass comes first, then the error E, then the backward pass (each gradient ∂E/∂w), then the weight update. ← goes back.</source>
        <translation>右侧的“逐步推导”面板每次显示一个公式, 先是符号, 再代入数值。结构图用洋红色标出该公式用到的部分。先是正向传播, 然后是误差 E, 再是反向传播 (每个梯度 ∂E/∂w), 最后是权重更新。按 ← 后退。</translation>
    </message>
    <message>
        <source>Train: press Play (Space)</source>
        <translation>训练: 点击“开始” (空格键)</translation>
    </message>
    <message>
        <source>The Training panel repeats the update, step after step, at a pace you can follow: watch the weights change and the loss curve fall. Flat out trains as fast as the computer can; Pause stops, and the walkthrough follows again.</source>
        <translation>“训练”面板一步接一步地重复更新, 速度慢到可以看清: 观察权重的变化和损失曲线的下降。“全速”让电脑尽快训练; “暂停”停止训练, 逐步推导随之恢复。</translation>
    </message>
    <message>
        <source>Try your own</source>
        <translation>自己试试</translation>
    </message>
    <message>
        <source>Double-click a weight to change it (Ctrl+Z undoes), or open another example from File ▸ New from example: XOR needs its hidden layer to learn.</source>
        <translation>双击一个权重来修改它 (Ctrl+Z 撤销), 或从“文件 ▸ 从示例新建”打开另一个示例: 异或 (XOR) 需要隐含层才能学会。</translation>
    </message>
    <message>
        <source>BP Studio shows how a network learns by backpropagation, step by step.</source>
        <translation>BP Studio 一步一步地展示神经网络如何通过反向传播 (BP 算法) 学习。</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>GradientSizePlot</name>
    <message>
        <source>How large each layer&apos;s weight gradient is (root-mean-square of dE/dw) at every step. Sigmoid&apos;s slope is at most 0.25, so the error shrinks each time it passes back through a sigmoid layer: the layers nearest the inputs learn slowest.</source>
        <translation>每一步中各层权重梯度的大小 (dE/dw 的均方根)。Sigmoid 的斜率最大只有 0.25, 误差每反向经过一个 sigmoid 层就缩小一次: 离输入最近的层学得最慢。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>gradient size (RMS of dE/dw)</source>
        <translation>梯度大小 (dE/dw 的均方根)</translation>
    </message>
    <message>
        <source>sizes part (×%d)</source>
        <translation>大小分离（×%d）</translation>
    </message>
    <message>
        <source>At step %d the largest layer&apos;s gradient size first exceeded %d times the smallest&apos;s: the layers&apos; gradients part (vanishing or exploding gradients). Try tanh or ReLU hidden layers, fewer layers, or another weight initialisation.</source>
        <translation>第 %d 步时，最大一层的梯度大小首次超过最小一层的 %d 倍：各层的梯度分离了（梯度消失或梯度爆炸）。可以试试 tanh 或 ReLU 隐含层、更少的层，或换一种权重初始化。</translation>
    </message>
    <message>
        <source>into layer %d</source>
        <translation>进入第 %d 层</translation>
    </message>
</context>
<context>
    <name>HandoutExport</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文本 (*.md)</translation>
    </message>
    <message>
        <source>LaTeX source (*.tex)</source>
        <translation>LaTeX 源文件 (*.tex)</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <source>Could not export the handout: %s</source>
        <translation>无法导出讲义: %s</translation>
    </message>
    <message>
        <source>Exported the handout to %s</source>
        <translation>讲义已导出到 %s</translation>
    </message>
</context>
<context>
    <name>HeldOutLossCurve</name>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
</context>
<context>
    <name>HiddenSpacePlot</name>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>The hidden layer whose activations are the axes</source>
        <translation>以其激活值为坐标轴的隐含层</translation>
    </message>
    <message>
        <source>A layer of 3 units: the two drawn on the axes</source>
        <translation>3 个单元的层：画在坐标轴上的两个</translation>
    </message>
    <message>
        <source>Computing the hidden space of this big network…</source>
        <translation>正在计算这个大网络的隐藏空间…</translation>
    </message>
    <message>
        <source>The hidden space is drawn for a hidden layer of 2 or 3 units: each sample at that layer&apos;s activations. This network has none; give a hidden layer 2 units (right-click its header) to see how it rearranges the data, as the seed&apos;s 2 hidden units make XOR separable.</source>
        <translation>隐含空间针对 2 或 3 个单元的隐含层绘制：每个样本画在该层的激活值处。这个网络没有这样的层；把某个隐含层设为 2 个单元（右键单击其标题），即可看到它如何重新排列数据——正如原文的 2 个隐含单元让 XOR 变得可分。</translation>
    </message>
    <message>
        <source>Points: the samples at the layer&apos;s activations, coloured by class.</source>
        <translation>点：各样本在该层激活值处的位置，按类别着色。</translation>
    </message>
    <message>
        <source>Grey lines: the input plane&apos;s grid, bent by the layers below.</source>
        <translation>灰线：输入平面的网格，经下面各层弯折。</translation>
    </message>
    <message>
        <source>Background: the network&apos;s output over this plane.</source>
        <translation>背景：网络在这个平面上的输出。</translation>
    </message>
    <message>
        <source>%1 (%2 units)</source>
        <translation>%1（%2 个单元）</translation>
    </message>
</context>
<context>
    <name>HiddenUnitStrip</name>
    <message>
        <source>Each hidden unit&apos;s activation over the plane (first %d units of a layer)</source>
        <translation>每个隐含层单元在平面上的激活值 (每层前 %d 个单元)</translation>
    </message>
    <message>
        <source>layer %d</source>
        <translation>第 %d 层</translation>
    </message>
</context>
<context>
    <name>InsightDocks</name>
    <message>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Hidden space</source>
        <translation>隐含空间</translation>
    </message>
    <message>
        <source>Show &amp;gradients</source>
        <translation>显示梯度(&amp;G)</translation>
    </message>
    <message>
        <source>Draw each edge by its gradient ∂E/∂w on the current sample instead of its weight (green positive, purple negative; width grows with the size), and switch the weight tables to gradients</source>
        <translation>按当前样本的梯度 ∂E/∂w 而不是权重来画每条边（绿色为正，紫色为负；越大越粗），并把权重表切换为梯度</translation>
    </message>
    <message>
        <source>&amp;Path explorer</source>
        <translation>路径浏览器(&amp;P)</translation>
    </message>
    <message>
        <source>Show every path from E to the selected weight or unit, and its gradient as the sum over them</source>
        <translation>显示从 E 到所选权重或单元的每条路径，以及它的梯度作为这些路径之和</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Show BP Studio in this language (your work stays open)</source>
        <translation>用这种语言显示 BP Studio (您的工作保持打开)</translation>
    </message>
</context>
<context>
    <name>LearningDocks</name>
    <message>
        <source>Walkthrough</source>
        <translation>逐步推导</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>Training failed: %s</source>
        <translation>训练失败: %s</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
</context>
<context>
    <name>LearningMenus</name>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Walkthrough</source>
        <translation>逐步推导(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of BP Studio</source>
        <translation>BP Studio 的所有快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>LossPlotToolbar</name>
    <message>
        <source>Per step</source>
        <translation>按步</translation>
    </message>
    <message>
        <source>Per epoch</source>
        <translation>按轮</translation>
    </message>
    <message>
        <source>Per step: the loss of every update&apos;s batch (noisy with small batches).
</source>
        <translation>按步: 每次更新所用批次的损失 (批较小时波动较大)。
</translation>
    </message>
    <message>
        <source>Per epoch: the mean loss of each pass over the data (smooth).</source>
        <translation>按轮: 每遍历一次数据的平均损失 (较平滑)。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>A logarithmic loss axis: the slow, late progress stays visible</source>
        <translation>损失轴使用对数刻度: 后期缓慢的进展也看得见</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the whole curve in view as training goes on (panning turns this off)</source>
        <translation>训练进行时始终显示整条曲线 (平移视图会关闭此项)</translation>
    </message>
    <message>
        <source>Save the visible plot as a PNG image</source>
        <translation>把当前显示的图保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Save the shown losses as a CSV table (full precision)</source>
        <translation>把显示的损失保存为 CSV 表格 (完整精度)</translation>
    </message>
</context>
<context>
    <name>LossPlotWidget</name>
    <message>
        <source>Move the mouse over the plot to read a point.</source>
        <translation>把鼠标移到图上即可读出一个点的数值。</translation>
    </message>
    <message>
        <source>The point of the curve nearest the mouse</source>
        <translation>曲线上离鼠标最近的点</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training loss; drag to pan, wheel to zoom, right-click for more</source>
        <translation>训练损失; 拖动可平移, 滚轮可缩放, 右键查看更多</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Gradient size</source>
        <translation>梯度大小</translation>
    </message>
    <message>
        <source>Training loss over time</source>
        <translation>训练损失随时间的变化</translation>
    </message>
    <message>
        <source>Each layer&apos;s gradient size: the vanishing gradient</source>
        <translation>各层梯度的大小: 梯度消失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>%s %s: loss %s</source>
        <translation>%s %s: 损失 %s</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Export losses</source>
        <translation>导出损失</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Show or hide the %s panel</source>
        <translation>显示或隐藏 “%s” 面板</translation>
    </message>
    <message>
        <source>%s[*] — BP Studio</source>
        <translation>%s[*] — BP Studio</translation>
    </message>
</context>
<context>
    <name>MatrixBox</name>
    <message>
        <source>Matrix view</source>
        <translation>矩阵形式</translation>
    </message>
    <message>
        <source>Show this step&apos;s layer as matrices, beside the formula for one unit</source>
        <translation>将这一步所在的层写成矩阵，与单个单元的公式并列</translation>
    </message>
</context>
<context>
    <name>ModelMessages</name>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>an updated weight</source>
        <translation>某个更新后的权重</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>{name} is {size:.1f} MiB; {limit}</source>
        <translation>{name} 的大小为 {size:.1f} MiB; {limit}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}: {reason}</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹, 不是文件</translation>
    </message>
    <message>
        <source>project files are limited to {mib} MiB</source>
        <translation>项目文件最大为 {mib} MiB</translation>
    </message>
    <message>
        <source>not a text file (byte {byte} is not UTF-8)</source>
        <translation>不是文本文件 (位置 {byte} 的字节不是 UTF-8 编码)</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column}: {reason}); the file may be truncated or not a BP Studio project</source>
        <translation>不是有效的 JSON (第 {line} 行, 第 {column} 列: {reason}); 文件可能不完整, 或者不是 BP Studio 项目</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>此处应有一个值</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处应有用双引号括起的字段名</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处应有冒号 &apos;:&apos;</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处应有逗号 &apos;,&apos;</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>从此处开始的字符串没有结束</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>此处有无效的控制字符</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>此处有无效的反斜杠转义</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>此处有无效的 \uXXXX 转义</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>有效内容之后还有多余的数据</translation>
    </message>
    <message>
        <source>not a BP Studio project (nested too deeply)</source>
        <translation>不是 BP Studio 项目 (嵌套层数太多)</translation>
    </message>
    <message>
        <source>not a BP Studio project ({reason})</source>
        <translation>不是 BP Studio 项目 ({reason})</translation>
    </message>
    <message>
        <source>expected {format!r}: this is not a BP Studio project file</source>
        <translation>应为 {format!r}: 这不是 BP Studio 项目文件</translation>
    </message>
    <message>
        <source>the file is format version {version}, newer than this BP Studio reads ({supported}); please update BP Studio</source>
        <translation>文件的格式版本为 {version}, 比这个 BP Studio 能读取的版本 ({supported}) 更新; 请更新 BP Studio</translation>
    </message>
    <message>
        <source>the text {text!r}</source>
        <translation>文本 {text!r}</translation>
    </message>
    <message>
        <source>a list of {count}</source>
        <translation>含 {count} 项的列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>expected an object, got {value}</source>
        <translation>应为对象, 实际为 {value}</translation>
    </message>
    <message>
        <source>missing field {key!r}</source>
        <translation>缺少字段 {key!r}</translation>
    </message>
    <message>
        <source>expected a number, got {value}</source>
        <translation>应为数值, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a finite number, got {value}</source>
        <translation>应为有限数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a whole number, got {value}</source>
        <translation>应为整数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= {minimum}, got {value}</source>
        <translation>应为不小于 {minimum} 的整数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected true or false, got {value}</source>
        <translation>应为 true 或 false, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected text, got {value}</source>
        <translation>应为文本, 实际为 {value}</translation>
    </message>
    <message>
        <source>unknown name {name!r} (expected one of: {choices})</source>
        <translation>未知的名称 {name!r} (应为以下之一: {choices})</translation>
    </message>
    <message>
        <source>expected a list, got {value}</source>
        <translation>应为列表, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected {length} items, got {count}</source>
        <translation>应有 {length} 项, 实际有 {count} 项</translation>
    </message>
    <message>
        <source>expected {length} numbers, got {count}</source>
        <translation>应有 {length} 个数, 实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected {length} rows, got {count}</source>
        <translation>应有 {length} 行, 实际有 {count} 行</translation>
    </message>
    <message>
        <source>expected {length} indices, got {count}</source>
        <translation>应有 {length} 个索引, 实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected {length} names, got {count}</source>
        <translation>应有 {length} 个名称, 实际为 {count} 个</translation>
    </message>
    <message>
        <source>expected a name of 1 to {limit} characters</source>
        <translation>名称应为 1 到 {limit} 个字符</translation>
    </message>
    <message>
        <source>expected {length} activations, got {count}</source>
        <translation>应有 {length} 个激活函数, 实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected {length} weight matrices, got {count}</source>
        <translation>应有 {length} 个权重矩阵, 实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected {length} bias vectors, got {count}</source>
        <translation>应有 {length} 个偏置向量, 实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected at least one row</source>
        <translation>至少应有一行</translation>
    </message>
    <message>
        <source>expected at least 2 layers, got {count}</source>
        <translation>至少应有 2 层, 实际只有 {count} 层</translation>
    </message>
    <message>
        <source>expected null when use_bias is false</source>
        <translation>use_bias 为 false 时这里应为 null</translation>
    </message>
    <message>
        <source>expected a positive number, got {value}</source>
        <translation>应为正数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a number in [0, 1), got {value}</source>
        <translation>应为 [0, 1) 内的数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected zero or a positive number, got {value}</source>
        <translation>应为零或正数, 实际为 {value}</translation>
    </message>
    <message>
        <source>the code export writes SGD with momentum only; this project trains with {kind}</source>
        <translation>导出代码只写带动量的 SGD; 本项目用 {kind} 训练</translation>
    </message>
    <message>
        <source>the code export writes SGD with momentum only, without Nesterov momentum or weight decay</source>
        <translation>导出代码只写带动量的 SGD, 不含 Nesterov 动量和权重衰减</translation>
    </message>
    <message>
        <source>the optimiser must be one of {names}, got {value!r}</source>
        <translation>优化器必须是 {names} 之一, 实际为 {value!r}</translation>
    </message>
    <message>
        <source>Nesterov momentum must be on or off, got {value}</source>
        <translation>Nesterov 动量只能开或关, 实际为 {value}</translation>
    </message>
    <message>
        <source>RMSprop&apos;s α must be in [0, 1), got {value}</source>
        <translation>RMSprop 的 α 必须在 [0, 1) 内, 实际为 {value}</translation>
    </message>
    <message>
        <source>ε must be a positive number, got {value}</source>
        <translation>ε 必须是正数, 实际为 {value}</translation>
    </message>
    <message>
        <source>Adam&apos;s β₁ must be in [0, 1), got {value}</source>
        <translation>Adam 的 β₁ 必须在 [0, 1) 内, 实际为 {value}</translation>
    </message>
    <message>
        <source>Adam&apos;s β₂ must be in [0, 1), got {value}</source>
        <translation>Adam 的 β₂ 必须在 [0, 1) 内, 实际为 {value}</translation>
    </message>
    <message>
        <source>weight decay must be zero or a positive number, got {value}</source>
        <translation>权重衰减必须是零或正数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a number between 0 and {maximum}, got {value}</source>
        <translation>应为 0 到 {maximum} 之间的数, 实际为 {value}</translation>
    </message>
    <message>
        <source>must be larger than the index before it</source>
        <translation>必须大于前一个索引</translation>
    </message>
    <message>
        <source>must be a power of two up to {limit}</source>
        <translation>必须是 2 的幂, 且不超过 {limit}</translation>
    </message>
    <message>
        <source>a number of {digits} digits</source>
        <translation>一个 {digits} 位的数</translation>
    </message>
    <message>
        <source>the number is too large ({digits} digits)</source>
        <translation>数太大了 ({digits} 位)</translation>
    </message>
    <message>
        <source>expected a whole number &lt;= {maximum}, got {value}</source>
        <translation>应为不大于 {maximum} 的整数, 实际为 {value}</translation>
    </message>
    <message>
        <source>expected a number from 0 to {limit}, got {value}</source>
        <translation>应为 0 到 {limit} 之间的数, 实际为 {value}</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep</source>
        <translation>嵌套超过了 {limit} 层</translation>
    </message>
    <message>
        <source>the text holds \u{code:04x}, half of a character (a lone surrogate), which no file can hold; remove it</source>
        <translation>文本中含有 \u{code:04x}, 它只是半个字符 (孤立的代理码元), 任何文件都无法保存它; 请删除</translation>
    </message>
    <message>
        <source>the inputs are too large to standardise</source>
        <translation>输入太大, 无法标准化</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket)</source>
        <translation>不是普通文件 (而是设备、管道或套接字)</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行: {reason}</translation>
    </message>
    <message>
        <source>cross-entropy needs targets from 0 to 1; target {column} is {value}</source>
        <translation>交叉熵要求目标值在 0 到 1 之间; 第 {column} 个目标值为 {value}</translation>
    </message>
    <message>
        <source>with softmax and cross-entropy each row of targets is a distribution (adding up to 1); this one adds up to {total}</source>
        <translation>使用 softmax 和交叉熵时, 每行目标值都是一个概率分布 (总和为 1); 这一行的总和为 {total}</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>没有给出文件名</translation>
    </message>
    <message>
        <source>{path} names a folder, not a file</source>
        <translation>{path} 是文件夹名, 不是文件名</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name</source>
        <translation>{path} 是文件夹; 请选择一个文件名</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device, pipe or socket); BP Studio writes only to regular files</source>
        <translation>{path} 不是普通文件 (而是设备、管道或套接字); BP Studio 只写入普通文件</translation>
    </message>
    <message>
        <source>{path} is read-only</source>
        <translation>{path} 是只读的</translation>
    </message>
    <message>
        <source>{path} is the input file; writing there would replace it: choose another name</source>
        <translation>{path} 是输入文件; 写入它会将其替换: 请换一个文件名</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}: 文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} is not writable</source>
        <translation>无法写入 {path}: 文件夹 {folder} 不可写</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}: {reason}</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>只读文件系统</translation>
    </message>
    <message>
        <source>expected null when shuffling is off</source>
        <translation>不打乱顺序时应为 null</translation>
    </message>
    <message>
        <source>expected each training row number 0 to {last} once</source>
        <translation>应包含训练行号 0 到 {last}，每个恰好一次</translation>
    </message>
    <message>
        <source>expected a number below {rows} (the training rows)</source>
        <translation>应为小于 {rows}（训练行数）的数</translation>
    </message>
    <message>
        <source>expected {name!r}, got {got!r}</source>
        <translation>应为 {name!r}，实际为 {got!r}</translation>
    </message>
    <message>
        <source>expected 0 or 1, got {value}</source>
        <translation>应为 0 或 1，实际为 {value}</translation>
    </message>
    <message>
        <source>expected a number below 2^32</source>
        <translation>应为小于 2^32 的数</translation>
    </message>
    <message>
        <source>not a valid generator state ({reason})</source>
        <translation>不是有效的随机数生成器状态（{reason}）</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 2^128 - 1 written as text</source>
        <translation>应为以文本书写的 0 到 2^128 - 1 之间的整数</translation>
    </message>
    <message>
        <source>CSV files are limited to {mib} MiB and {rows:,} rows</source>
        <translation>CSV 文件最大为 {mib} MiB, 最多 {rows:,} 行</translation>
    </message>
    <message>
        <source>not a text file in UTF-8 (byte {byte} cannot be read); save it as UTF-8 CSV and try again</source>
        <translation>不是 UTF-8 编码的文本文件 (位置 {byte} 的字节无法读取); 请将它另存为 UTF-8 编码的 CSV 后再试</translation>
    </message>
    <message>
        <source>the text is longer than the limit of {mib} MiB</source>
        <translation>文本超过了 {mib} MiB 的上限</translation>
    </message>
    <message>
        <source>the file is empty: there is no row of data in it</source>
        <translation>文件是空的: 其中没有任何数据行</translation>
    </message>
    <message>
        <source>the file has {count:,} rows; CSV imports are limited to {limit:,}</source>
        <translation>文件有 {count:,} 行; CSV 导入最多 {limit:,} 行</translation>
    </message>
    <message>
        <source>the file has a header but no row of data</source>
        <translation>文件只有表头, 没有数据行</translation>
    </message>
    <message>
        <source>row {row} has {count} cells, but the first row has {width}: every row needs the same number of cells</source>
        <translation>第 {row} 行有 {count} 个单元格, 而第一行有 {width} 个: 每一行的单元格数必须相同</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>第 {column} 列</translation>
    </message>
    <message>
        <source>the file has {count} column; it needs at least 2 (inputs and a target)</source>
        <translation>文件只有 {count} 列; 至少需要 2 列 (输入和目标)</translation>
    </message>
    <message>
        <source>choose at least one input column and one target column</source>
        <translation>请至少选择一个输入列和一个目标列</translation>
    </message>
    <message>
        <source>there is no column {column}: the file has {count}</source>
        <translation>没有第 {column} 列: 文件只有 {count} 列</translation>
    </message>
    <message>
        <source>a column cannot be both an input and a target</source>
        <translation>同一列不能既是输入又是目标</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name}): the value is missing</source>
        <translation>第 {row} 行, 第 {column} 列 ({name}): 缺少数值</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name}): {cell!r} is not a number</source>
        <translation>第 {row} 行, 第 {column} 列 ({name}): {cell!r} 不是数值</translation>
    </message>
    <message>
        <source>the target column has one class only ({label!r})</source>
        <translation>目标列只有一个类别 ({label!r})</translation>
    </message>
    <message>
        <source>the target column ({name}) has {count:,} different labels, more than {limit} classes: is it a name or an ID? Choose another column as the target</source>
        <translation>目标列 ({name}) 有 {count:,} 个不同的标签, 超过 {limit} 个类别: 它是名称或编号吗? 请选择另一列作为目标</translation>
    </message>
    <message>
        <source>this network has no biases; switch them on first</source>
        <translation>这个网络没有偏置; 请先启用偏置</translation>
    </message>
    <message>
        <source>the inputs (layer 1) have no bias</source>
        <translation>输入层 (第 1 层) 没有偏置</translation>
    </message>
    <message>
        <source>the new network has layers {new}, the project has {old}</source>
        <translation>新网络各层的单元数为 {new}, 而项目中为 {old}</translation>
    </message>
    <message>
        <source>layer {layer} has only one unit; every layer needs at least one</source>
        <translation>第 {layer} 层只有一个单元; 每层至少需要一个单元</translation>
    </message>
    <message>
        <source>a hidden layer can be inserted at 2 .. {last}, not {position}</source>
        <translation>隐含层只能插入在第 2 .. {last} 层的位置, 不能插入在第 {position} 层</translation>
    </message>
    <message>
        <source>a layer needs at least one unit</source>
        <translation>每层至少需要一个单元</translation>
    </message>
    <message>
        <source>softmax is for the output layer only</source>
        <translation>softmax 只能用于输出层</translation>
    </message>
    <message>
        <source>only hidden layers (2 .. {last}) can be removed, not layer {layer}</source>
        <translation>只能删除隐含层 (第 2 .. {last} 层), 不能删除第 {layer} 层</translation>
    </message>
    <message>
        <source>layers 2 .. {last} have an activation, not layer {layer}</source>
        <translation>只有第 2 .. {last} 层有激活函数, 第 {layer} 层没有</translation>
    </message>
    <message>
        <source>there is no layer {layer} (layers are 1 .. {last})</source>
        <translation>没有第 {layer} 层 (层号为 1 .. {last})</translation>
    </message>
    <message>
        <source>weights and biases must be finite numbers, not {value}</source>
        <translation>权重和偏置必须是有限数, 不能是 {value}</translation>
    </message>
    <message>
        <source>layer {layer} has no unit {unit} (units are 1 .. {n})</source>
        <translation>第 {layer} 层没有第 {unit} 个单元 (单元编号为 1 .. {n})</translation>
    </message>
    <message>
        <source>loss {name!r} needs a {allowed} output layer, not {activation!r}</source>
        <translation>损失 {name!r} 要求输出层使用 {allowed}, 而不是 {activation!r}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>unknown loss {name!r} (known: {known})</source>
        <translation>未知的损失 {name!r} (可用的有: {known})</translation>
    </message>
    <message>
        <source>unknown activation {name!r} (known: {known})</source>
        <translation>未知的激活函数 {name!r} (可用的有: {known})</translation>
    </message>
    <message>
        <source>unknown initialisation {name!r} (known: {known})</source>
        <translation>未知的初始化方法 {name!r} (可用的有: {known})</translation>
    </message>
    <message>
        <source>training diverged at step {step}: {what} is not finite; the weights are kept as they were before this step (try a smaller learning rate)</source>
        <translation>训练在第 {step} 步发散: {what} 不是有限数; 权重保持为这一步之前的值 (请试试更小的学习率)</translation>
    </message>
    <message>
        <source>learning rate must be a positive number, got {value}</source>
        <translation>学习率必须是正数, 实际为 {value}</translation>
    </message>
    <message>
        <source>momentum must be in [0, 1), got {value}</source>
        <translation>动量必须在 [0, 1) 内, 实际为 {value}</translation>
    </message>
    <message>
        <source>batch size must be at least 1, got {value}</source>
        <translation>批大小至少为 1, 实际为 {value}</translation>
    </message>
    <message>
        <source>a data value must be a finite number, not {value}</source>
        <translation>数据值必须是有限数, 不能是 {value}</translation>
    </message>
    <message>
        <source>there is no data column {column}</source>
        <translation>没有第 {column} 个数据列</translation>
    </message>
    <message>
        <source>there is no row {row}: the data has {count}</source>
        <translation>没有第 {row} 行: 数据共有 {count} 行</translation>
    </message>
    <message>
        <source>inputs and targets must be tables (one row per sample)</source>
        <translation>输入和目标必须是表格 (每个样本一行)</translation>
    </message>
    <message>
        <source>{inputs} input rows but {targets} target rows</source>
        <translation>输入有 {inputs} 行, 而目标有 {targets} 行</translation>
    </message>
    <message>
        <source>a dataset needs at least one sample</source>
        <translation>数据集至少需要一个样本</translation>
    </message>
    <message>
        <source>the test share must be between 0 and {maximum}, got {value}</source>
        <translation>测试比例必须在 0 到 {maximum} 之间, 实际为 {value}</translation>
    </message>
    <message>
        <source>the data has {columns} input columns but the input layer has {units} units</source>
        <translation>数据有 {columns} 个输入列, 而输入层有 {units} 个单元</translation>
    </message>
    <message>
        <source>the data has {columns} target columns but the output layer has {units} units</source>
        <translation>数据有 {columns} 个目标列, 而输出层有 {units} 个单元</translation>
    </message>
    <message>
        <source>no built-in data set {name!r} (known: {known})</source>
        <translation>没有名为 {name!r} 的内置数据集 (可用的有: {known})</translation>
    </message>
    <message>
        <source>a data set needs at least one sample, not {count}</source>
        <translation>数据集至少需要一个样本, 不能是 {count} 个</translation>
    </message>
    <message>
        <source>noise is a standard deviation, it cannot be {noise}</source>
        <translation>噪声是标准差, 不能是 {noise}</translation>
    </message>
    <message>
        <source>a network needs at least 2 layers (inputs and outputs)</source>
        <translation>网络至少需要 2 层 (输入层和输出层)</translation>
    </message>
    <message>
        <source>layer {layer} has {count} units; every layer needs at least 1</source>
        <translation>第 {layer} 层有 {count} 个单元; 每层至少需要 1 个</translation>
    </message>
    <message>
        <source>expected {length} activations (one per non-input layer), got {count}</source>
        <translation>应有 {length} 个激活函数 (输入层以外每层一个), 实际有 {count} 个</translation>
    </message>
    <message>
        <source>softmax is for the output layer only, not layer {layer}</source>
        <translation>softmax 只能用于输出层, 不能用于第 {layer} 层</translation>
    </message>
    <message>
        <source>weights entering layer {layer} have shape {shape}, expected {expected}</source>
        <translation>进入第 {layer} 层的权重形状为 {shape}, 应为 {expected}</translation>
    </message>
    <message>
        <source>biases of layer {layer} have shape {shape}, expected ({size},)</source>
        <translation>第 {layer} 层偏置的形状为 {shape}, 应为 ({size},)</translation>
    </message>
    <message>
        <source>expected at most {limit} runs, got {count}</source>
        <translation>最多 {limit} 次运行，实际为 {count}</translation>
    </message>
    <message>
        <source>expected a number from 0 to 1, got {value}</source>
        <translation>应为 0 到 1 之间的数，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown setting {name!r} (did you mean {close}?)</source>
        <translation>未知的设置 {name!r}（是指 {close} 吗？）</translation>
    </message>
    <message>
        <source>unknown setting {name!r}; the settings are {choices}</source>
        <translation>未知的设置 {name!r}；可用的设置有 {choices}</translation>
    </message>
    <message>
        <source>{setting}: give at least one value</source>
        <translation>{setting}：请至少给出一个取值</translation>
    </message>
    <message>
        <source>{setting}: at most {limit} values, got {count}</source>
        <translation>{setting}：最多 {limit} 个取值，实际为 {count} 个</translation>
    </message>
    <message>
        <source>{setting}: {value!r} is not a number</source>
        <translation>{setting}：{value!r} 不是数</translation>
    </message>
    <message>
        <source>{setting}: expected a positive number, got {value}</source>
        <translation>{setting}：应为正数，实际为 {value}</translation>
    </message>
    <message>
        <source>{setting}: expected a number in [0, 1), got {value}</source>
        <translation>{setting}：应为 [0, 1) 内的数，实际为 {value}</translation>
    </message>
    <message>
        <source>{setting}: expected a whole number from {low} to {high}, got {value!r}</source>
        <translation>{setting}：应为 {low} 到 {high} 之间的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{setting}: unknown value {value!r} (did you mean {close}?)</source>
        <translation>{setting}：未知的取值 {value!r}（是指 {close} 吗？）</translation>
    </message>
    <message>
        <source>{setting}: unknown value {value!r}; expected one of {choices}</source>
        <translation>{setting}：未知的取值 {value!r}；应为以下之一：{choices}</translation>
    </message>
    <message>
        <source>{setting}: this network has no hidden layer to vary</source>
        <translation>{setting}：这个网络没有可以改变的隐藏层</translation>
    </message>
    <message>
        <source>{setting}: {value} cannot learn these targets: {reason}</source>
        <translation>{setting}：{value} 无法学习这些目标值：{reason}</translation>
    </message>
    <message>
        <source>the run {name!r} has {inputs} inputs and {outputs} outputs; the data has {columns} input and {targets} target columns</source>
        <translation>运行 {name!r} 有 {inputs} 个输入和 {outputs} 个输出；数据有 {columns} 个输入列和 {targets} 个目标列</translation>
    </message>
    <message>
        <source>there is no run {index} (runs 0 .. {last})</source>
        <translation>没有运行 {index}（运行编号为 0 .. {last}）</translation>
    </message>
    <message>
        <source>the data needs at least one sample; this is the last one</source>
        <translation>数据至少需要一个样本; 这已是最后一个</translation>
    </message>
</context>
<context>
    <name>ModelNames</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>The seed&apos;s sample</source>
        <translation>原推导中的样本</translation>
    </message>
    <message>
        <source>AND gate</source>
        <translation>与门 (AND)</translation>
    </message>
    <message>
        <source>OR gate</source>
        <translation>或门 (OR)</translation>
    </message>
    <message>
        <source>XOR gate</source>
        <translation>异或门 (XOR)</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>XOR quadrants</source>
        <translation>异或象限 (XOR)</translation>
    </message>
    <message>
        <source>Two gaussians</source>
        <translation>两团高斯分布</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>双螺旋</translation>
    </message>
    <message>
        <source>Sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>The source document&apos;s one sample: x = (1.0, 0.5, 0.2), Ŷ = (0.9, 0.1).</source>
        <translation>原推导中唯一的样本: x = (1.0, 0.5, 0.2), Ŷ = (0.9, 0.1)。</translation>
    </message>
    <message>
        <source>1 only when both inputs are 1.</source>
        <translation>仅当两个输入都为 1 时为 1。</translation>
    </message>
    <message>
        <source>1 when either input is 1.</source>
        <translation>任一输入为 1 时为 1。</translation>
    </message>
    <message>
        <source>1 when exactly one input is 1: no straight line separates the classes, so it needs a hidden layer.</source>
        <translation>恰好一个输入为 1 时为 1: 没有一条直线能分开两类, 所以需要隐含层。</translation>
    </message>
    <message>
        <source>Class 1 inside a circle, class 0 in a ring around it.</source>
        <translation>第 1 类在圆内, 第 0 类在圆外的环上。</translation>
    </message>
    <message>
        <source>Class 1 where both coordinates have the same sign: XOR spread over the plane.</source>
        <translation>两个坐标同号处为第 1 类: 铺满平面的异或 (XOR)。</translation>
    </message>
    <message>
        <source>Two round clouds, one per class: a straight line nearly separates them.</source>
        <translation>两团圆形的点云, 每类一团: 一条直线几乎能把它们分开。</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms: hard, needs two hidden layers.</source>
        <translation>两条交错的螺旋臂: 较难, 需要两个隐含层。</translation>
    </message>
    <message>
        <source>y = sin x on [-π, π]: regression with one input.</source>
        <translation>在 [-π, π] 上的 y = sin x: 单输入的回归。</translation>
    </message>
    <message>
        <source>y = 0.5 x₁ − 0.3 x₂ + 0.2: linear regression in 2-D.</source>
        <translation>y = 0.5 x₁ − 0.3 x₂ + 0.2: 二维线性回归。</translation>
    </message>
    <message>
        <source>Fisher&apos;s 150 irises (UCI, CC BY 4.0): 4 measurements, 3 species one-hot.</source>
        <translation>Fisher 的 150 朵鸢尾花 (UCI, CC BY 4.0): 4 个测量值, 3 个品种 (one-hot 编码)。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Layer 1 · inputs</source>
        <translation>第 1 层 · 输入层</translation>
    </message>
    <message>
        <source>%d input</source>
        <translation>%d 个输入</translation>
    </message>
    <message>
        <source>%d inputs</source>
        <translation>%d 个输入</translation>
    </message>
    <message>
        <source>Layer %d · %s</source>
        <translation>第 %d 层 · %s</translation>
    </message>
    <message>
        <source>%d output</source>
        <translation>%d 个输出</translation>
    </message>
    <message>
        <source>%d outputs</source>
        <translation>%d 个输出</translation>
    </message>
    <message>
        <source>%d hidden unit</source>
        <translation>%d 个隐含单元</translation>
    </message>
    <message>
        <source>%d hidden units</source>
        <translation>%d 个隐含单元</translation>
    </message>
    <message>
        <source>Enter applies the new value, Esc cancels</source>
        <translation>回车应用新值, Esc 取消</translation>
    </message>
    <message>
        <source>“%s” is not a number. Type e.g. 0.25 or -1.5e-3.</source>
        <translation>“%s” 不是数字。请输入例如 0.25 或 -1.5e-3。</translation>
    </message>
    <message>
        <source>Right-click for layer actions: insert, remove, activation, biases</source>
        <translation>右键可对该层操作: 插入、删除、激活函数、偏置</translation>
    </message>
    <message>
        <source>units show a = f(z), the activation</source>
        <translation>单元显示 a = f(z), 即激活值</translation>
    </message>
    <message>
        <source>units show z, the weighted input</source>
        <translation>单元显示 z, 即加权输入</translation>
    </message>
    <message>
        <source>units show ∂E/∂z</source>
        <translation>单元显示 ∂E/∂z</translation>
    </message>
    <message>
        <source>used by the current walkthrough formula</source>
        <translation>当前推导公式用到的部分</translation>
    </message>
    <message>
        <source>mean over the next step&apos;s batch of %d samples</source>
        <translation>下一步批次（%d 个样本）的平均值</translation>
    </message>
    <message>
        <source>on sample %d</source>
        <translation>样本 %d 上</translation>
    </message>
    <message>
        <source>· width grows with |%s|</source>
        <translation>· 线宽随 |%s| 增大</translation>
    </message>
    <message>
        <source>Add a unit to layer %d</source>
        <translation>在第 %d 层添加一个单元</translation>
    </message>
    <message>
        <source>Remove unit %s</source>
        <translation>删除单元 %s</translation>
    </message>
    <message>
        <source>Layer %d</source>
        <translation>第 %d 层</translation>
    </message>
    <message>
        <source>Insert a hidden layer before layer %d</source>
        <translation>在第 %d 层之前插入一个隐含层</translation>
    </message>
    <message>
        <source>Insert a hidden layer after layer %d</source>
        <translation>在第 %d 层之后插入一个隐含层</translation>
    </message>
    <message>
        <source>Remove layer %d</source>
        <translation>删除第 %d 层</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Edit %s…</source>
        <translation>编辑 %s…</translation>
    </message>
    <message>
        <source>Set %s to 0</source>
        <translation>把 %s 设为 0</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>right-click for unit actions</source>
        <translation>右键可对该单元操作</translation>
    </message>
    <message>
        <source>Drawing the network…</source>
        <translation>正在绘制网络…</translation>
    </message>
    <message>
        <source>Remove unit</source>
        <translation>删除单元</translation>
    </message>
    <message>
        <source>Removing unit %d of layer %d deletes its column of the dataset. Remove it?</source>
        <translation>删除第 %d 个单元 (第 %d 层) 会删除数据集中对应的列。确定删除吗?</translation>
    </message>
    <message>
        <source>Bias input of layer %d: a constant 1; its edges carry b_k^%d</source>
        <translation>第 %d 层的偏置输入: 常数 1; 它的连线上是偏置 b_k^%d</translation>
    </message>
    <message>
        <source>This network has %s weights: too many to draw one by one (the diagram draws up to %s). Layers: %s. Right-click a layer&apos;s title to change it; the weight tables and the training work as usual.</source>
        <translation>这个网络有 %s 个权重: 太多, 无法逐一画出 (网络图最多画 %s 条边)。各层: %s。右键单击层的标题可以修改它; 权重表和训练照常可用。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagramView</name>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
</context>
<context>
    <name>NetworkDialogs</name>
    <message>
        <source>Layer 1 (inputs, %d units)</source>
        <translation>第 1 层 (输入层, %d 个单元)</translation>
    </message>
    <message>
        <source>Layer %d (outputs, %d units)</source>
        <translation>第 %d 层 (输出层, %d 个单元)</translation>
    </message>
    <message>
        <source>Layer %d (hidden, %d units)</source>
        <translation>第 %d 层 (隐含层, %d 个单元)</translation>
    </message>
    <message>
        <source>The layer, numbered as the seed numbers them (inputs = 1)</source>
        <translation>层的编号与原推导一致 (输入层 = 1)</translation>
    </message>
    <message>
        <source>The function f in a = f(z)</source>
        <translation>a = f(z) 中的函数 f</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层:</translation>
    </message>
    <message>
        <source>The unit&apos;s number within its layer, from 1</source>
        <translation>单元在本层中的编号, 从 1 开始</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单元:</translation>
    </message>
    <message>
        <source>Insert hidden layer</source>
        <translation>插入隐含层</translation>
    </message>
    <message>
        <source>Before %s</source>
        <translation>在 %s 之前</translation>
    </message>
    <message>
        <source>The new layer takes this place; later layers move right</source>
        <translation>新层占据这个位置; 后面的层依次右移</translation>
    </message>
    <message>
        <source>How many units the new layer has</source>
        <translation>新层有多少个单元</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单元数:</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>激活函数:</translation>
    </message>
    <message>
        <source>Re-initialise weights</source>
        <translation>重新初始化权重</translation>
    </message>
    <message>
        <source>uniform: every weight in [−scale, scale]; Xavier: uniform in ±√(6 / (inputs + outputs)) of the layer; He: normal with σ = √(2 / inputs); constant: every weight and bias equal to the scale; zeros: every weight and bias 0 (the hidden units stay copies of each other: the symmetry problem)</source>
        <translation>均匀分布：每个权重在 [−尺度, 尺度] 内均匀分布；Xavier：在该层 ±√(6 / (输入数 + 输出数)) 内均匀分布；He：正态分布，σ = √(2 / 输入数)；常数：每个权重和偏置都等于尺度；全零：每个权重和偏置都为 0（隐含单元彼此永远相同：对称性问题）</translation>
    </message>
    <message>
        <source>The same seed always draws the same weights</source>
        <translation>相同的种子总是生成相同的权重</translation>
    </message>
    <message>
        <source>The range of &apos;uniform&apos; and the value of &apos;constant&apos;</source>
        <translation>“均匀分布” 的范围, 以及 “常数” 的取值</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>初始化方法:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>尺度:</translation>
    </message>
</context>
<context>
    <name>NetworkMenu</name>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Loss</source>
        <translation>损失函数(&amp;L)</translation>
    </message>
    <message>
        <source>Use &amp;biases</source>
        <translation>使用偏置(&amp;B)</translation>
    </message>
    <message>
        <source>Add a bias b to every non-input unit</source>
        <translation>给每个非输入单元加上偏置 b</translation>
    </message>
    <message>
        <source>Add &amp;unit…</source>
        <translation>添加单元(&amp;U)…</translation>
    </message>
    <message>
        <source>Add a unit to a layer</source>
        <translation>给某一层添加一个单元</translation>
    </message>
    <message>
        <source>&amp;Remove unit…</source>
        <translation>删除单元(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove a unit and its weights</source>
        <translation>删除一个单元及其权重</translation>
    </message>
    <message>
        <source>&amp;Insert hidden layer…</source>
        <translation>插入隐含层(&amp;I)…</translation>
    </message>
    <message>
        <source>Insert a hidden layer</source>
        <translation>插入一个隐含层</translation>
    </message>
    <message>
        <source>Remove hidden &amp;layer…</source>
        <translation>删除隐含层(&amp;L)…</translation>
    </message>
    <message>
        <source>Remove a hidden layer</source>
        <translation>删除一个隐含层</translation>
    </message>
    <message>
        <source>Layer %d computes a = %s(z)</source>
        <translation>第 %d 层计算 a = %s(z)</translation>
    </message>
    <message>
        <source>Use the loss %s</source>
        <translation>使用损失函数 %s</translation>
    </message>
    <message>
        <source>Cannot make this change</source>
        <translation>无法进行此修改</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单元</translation>
    </message>
    <message>
        <source>Remove unit</source>
        <translation>删除单元</translation>
    </message>
    <message>
        <source>Remove a data column?</source>
        <translation>删除一列数据?</translation>
    </message>
    <message>
        <source>This unit&apos;s column in the dataset holds values. Removing the unit removes them too (Undo brings them back). Remove it?</source>
        <translation>数据集中这个单元对应的列里有数值。删除该单元也会删除这些数值 (撤销可以恢复)。确定删除吗?</translation>
    </message>
    <message>
        <source>Remove hidden layer</source>
        <translation>删除隐含层</translation>
    </message>
</context>
<context>
    <name>NotationMenu</name>
    <message>
        <source>&amp;Notation</source>
        <translation>记号(&amp;N)</translation>
    </message>
    <message>
        <source>Write the walkthrough, the diagram&apos;s labels and the exports in this book&apos;s symbols</source>
        <translation>推导、网络图的标注和各种导出都改用这本书的记号</translation>
    </message>
</context>
<context>
    <name>PathExplorer</name>
    <message>
        <source>An output unit has one path from E: ∂E/∂Y itself (step 一). Select a hidden unit or a weight to see the paths that add up to its gradient.</source>
        <translation>输出单元到 E 只有一条路径：∂E/∂Y 本身（第一步）。选择一个隐含单元或一个权重，查看相加得到其梯度的各条路径。</translation>
    </message>
</context>
<context>
    <name>PathPanel</name>
    <message>
        <source>Path from E</source>
        <translation>从 E 出发的路径</translation>
    </message>
    <message>
        <source>Term: the product along the path</source>
        <translation>项：沿路径的乘积</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Point at a path to highlight it on the diagram</source>
        <translation>指向一条路径，在网络图上突出显示它</translation>
    </message>
    <message>
        <source>Select a weight (an edge) or a hidden unit on the diagram, or step the walkthrough to a ∂E/∂w or ∂E/∂a step, to see every path from E to it and its gradient as the sum over those paths.</source>
        <translation>在网络图上选择一个权重（一条边）或一个隐含单元，或把逐步推导走到 ∂E/∂w 或 ∂E/∂a 的步骤，即可看到从 E 到它的每条路径，以及它的梯度作为这些路径之和。</translation>
    </message>
    <message>
        <source>%1 on sample %2 has one path from E: its term multiplies the local derivatives along it (the chain rule).</source>
        <translation>样本 %2 上的 %1 从 E 出发只有一条路径：这一项把路径上的各个局部偏导相乘（链式法则）。</translation>
    </message>
    <message>
        <source>%1 on sample %2 is the sum over its %3 paths from E: each term multiplies the local derivatives along its path (the chain rule), and backpropagation adds the terms up.</source>
        <translation>样本 %2 上的 %1 是从 E 出发的 %3 条路径之和：每一项把该路径上的各个局部偏导相乘（链式法则），反向传播把这些项加起来。</translation>
    </message>
    <message>
        <source>%1 on sample %2 is the sum over its %3 paths from E; the %4 largest terms are listed, the largest first.</source>
        <translation>样本 %2 上的 %1 是从 E 出发的 %3 条路径之和；这里列出最大的 %4 项，从大到小。</translation>
    </message>
    <message>
        <source>%1 = the sum of the %2 terms above = %3</source>
        <translation>%1 = 上面 %2 项之和 = %3</translation>
    </message>
    <message>
        <source>%1 = the %2 terms above + the other %3 paths (%4 together) = %5</source>
        <translation>%1 = 上面 %2 项 + 其余 %3 条路径（合计 %4）= %5</translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <source>Practice: work out each value yourself; BP Studio checks it and names the mistake</source>
        <translation>练习：每个值由你自己算；BP Studio 检查答案并指出错在哪里</translation>
    </message>
    <message>
        <source>New e&amp;xercise</source>
        <translation>新练习(&amp;X)</translation>
    </message>
    <message>
        <source>Fresh nice numbers for the inputs, labels and weights of the same network (undoable)</source>
        <translation>为同一个网络的输入、标签和权重换一组好算的新数字（可撤销）</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>自己算：</translation>
    </message>
    <message>
        <source>Fading: which sections you work out yourself, from the end (Renkl&apos;s backward fading)</source>
        <translation>渐隐：哪些小节由你自己计算，从最后一节往前（逆向渐隐）</translation>
    </message>
    <message>
        <source>Well done: work out one more section</source>
        <translation>做得好：再多算一节</translation>
    </message>
    <message>
        <source>Hide the section before these too</source>
        <translation>把前面一节也隐藏起来</translation>
    </message>
    <message>
        <source>nothing (worked example)</source>
        <translation>不用算（完整例题）</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>the last section</source>
        <translation>最后一节</translation>
    </message>
    <message>
        <source>the last %d sections</source>
        <translation>最后 %d 节</translation>
    </message>
</context>
<context>
    <name>PracticeBox</name>
    <message>
        <source>Your answer, e.g. 0.0213</source>
        <translation>你的答案，例如 0.0213</translation>
    </message>
    <message>
        <source>Type the value with at least 3 significant digits; Enter checks it</source>
        <translation>输入至少 3 位有效数字；按回车检查</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check your answer (Enter)</source>
        <translation>检查你的答案（回车）</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Next hint: the formula with the numbers, then one factor at a time, then the answer</source>
        <translation>下一个提示：先是代入数字的公式，然后逐个因子，最后是答案</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>看答案</translation>
    </message>
    <message>
        <source>Show the value (the step counts as revealed)</source>
        <translation>显示数值（这一步记为“看了答案”）</translation>
    </message>
    <message>
        <source>Your turn: work out this value, then press Enter.</source>
        <translation>轮到你了：算出这个值，然后按回车。</translation>
    </message>
    <message>
        <source>✓ Right first time. Enter goes on to the next formula.</source>
        <translation>✓ 一次做对。按回车进入下一个公式。</translation>
    </message>
    <message>
        <source>✓ Right. Enter goes on to the next formula.</source>
        <translation>✓ 正确。按回车进入下一个公式。</translation>
    </message>
    <message>
        <source>Shown. Enter goes on to the next formula.</source>
        <translation>已显示答案。按回车进入下一个公式。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>It was last saved as “%s”.</source>
        <translation>它上次保存为 “%s”。</translation>
    </message>
    <message>
        <source>It was never saved to a file.</source>
        <translation>它从未保存到文件。</translation>
    </message>
    <message>
        <source>BP Studio did not close properly last time. Unsaved work on “%s” was kept automatically at %s.</source>
        <translation>BP Studio 上次没有正常关闭。“%s” 中未保存的工作已在 %s 自动保留。</translation>
    </message>
    <message>
        <source>Restore it now, discard it, or decide later (you will be asked at the next start).</source>
        <translation>现在恢复、丢弃, 或稍后再决定 (下次启动时会再次询问)。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Final accuracy</source>
        <translation>最终准确率</translation>
    </message>
    <message>
        <source>Converged at epoch</source>
        <translation>收敛于第几轮</translation>
    </message>
</context>
<context>
    <name>RunEditsMixin</name>
    <message>
        <source>Keep run %s</source>
        <translation>保存运行 %s</translation>
    </message>
    <message>
        <source>Keep %d runs</source>
        <translation>保存 %d 次运行</translation>
    </message>
    <message>
        <source>Delete run %s</source>
        <translation>删除运行 %s</translation>
    </message>
    <message>
        <source>Rename run %s to %s</source>
        <translation>把运行 %s 改名为 %s</translation>
    </message>
    <message>
        <source>Restore run %s</source>
        <translation>恢复运行 %s</translation>
    </message>
</context>
<context>
    <name>RunOverlay</name>
    <message>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>output activation</source>
        <translation>输出层激活函数</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>RMSprop&apos;s α</source>
        <translation>RMSprop 的 α</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Adam&apos;s β₁</source>
        <translation>Adam 的 β₁</translation>
    </message>
    <message>
        <source>Adam&apos;s β₂</source>
        <translation>Adam 的 β₂</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>打乱顺序</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>initialisation seed</source>
        <translation>初始化种子</translation>
    </message>
    <message>
        <source>initialisation scale</source>
        <translation>初始化尺度</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%s %s (now %s)</source>
        <translation>%s %s（现在为 %s）</translation>
    </message>
    <message>
        <source>the same settings as now</source>
        <translation>与现在的设置相同</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未收敛</translation>
    </message>
</context>
<context>
    <name>RunsDocks</name>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>&amp;Keep this run…</source>
        <translation>保存本次运行(&amp;K)…</translation>
    </message>
    <message>
        <source>Keep this run&apos;s settings, starting weights and loss curve under a name, to compare and restore</source>
        <translation>以一个名字保存本次运行的设置、初始权重和损失曲线，以便比较和恢复</translation>
    </message>
    <message>
        <source>E&amp;xperiment…</source>
        <translation>实验(&amp;X)…</translation>
    </message>
    <message>
        <source>Train one run per value of a setting and compare their losses</source>
        <translation>对一个设置的每个取值各训练一次，并比较它们的损失</translation>
    </message>
    <message>
        <source>Run %d: %s, η %s, %d epochs</source>
        <translation>运行 %d：%s，η %s，%d 轮</translation>
    </message>
    <message>
        <source>Keep this run</source>
        <translation>保存本次运行</translation>
    </message>
    <message>
        <source>Name of the run:</source>
        <translation>运行的名字：</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Bring back the chosen run&apos;s settings and starting weights (undoable); its training starts afresh</source>
        <translation>恢复所选运行的设置和初始权重（可撤销）；其训练重新开始</translation>
    </message>
    <message>
        <source>Pause training to restore a run</source>
        <translation>请先暂停训练，再恢复运行</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>改名(&amp;N)</translation>
    </message>
    <message>
        <source>Rename the chosen run (F2, or double-click)</source>
        <translation>给所选运行改名（F2 或双击）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the chosen run (Del; undoable)</source>
        <translation>删除所选运行（Del；可撤销）</translation>
    </message>
    <message>
        <source>Converged below</source>
        <translation>收敛阈值</translation>
    </message>
    <message>
        <source>A run has converged at the first epoch whose loss is below this share of its first epoch&apos;s loss</source>
        <translation>运行在第一个损失低于其第 1 轮损失这一比例的轮次收敛</translation>
    </message>
    <message>
        <source>Tick a run to draw its loss beside this run&apos;s on the Loss plot</source>
        <translation>勾选一次运行，在损失图上把它的损失与本次运行的画在一起</translation>
    </message>
    <message>
        <source>No runs kept yet. Train, then Keep this run; or try several settings at once with Experiment….</source>
        <translation>还没有保存的运行。训练后选择“保存本次运行”；或用“实验…”一次比较多个设置。</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Converged at epoch</source>
        <translation>收敛于第几轮</translation>
    </message>
    <message>
        <source>Differs from now</source>
        <translation>与现在的不同</translation>
    </message>
    <message>
        <source>%s: %d epochs. Tick to draw its loss on the Loss plot; double-click to rename</source>
        <translation>%s：%d 轮。勾选后在损失图上画出它的损失；双击可改名</translation>
    </message>
    <message>
        <source>The first epoch whose loss is below %s of the first epoch&apos;s</source>
        <translation>第一个损失低于第 1 轮损失的 %s 的轮次</translation>
    </message>
</context>
<context>
    <name>SafetyNet</name>
    <message>
        <source>Autosave failed: %s</source>
        <translation>自动保存失败: %s</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>BP Studio could not autosave your work:

%s

Your work is still open, but a crash now would lose it. Save it (File ▸ Save As) somewhere with room.</source>
        <translation>BP Studio 无法自动保存你的工作:

%s

你的工作仍然打开着, 但此时一旦崩溃就会丢失。请把它保存 (文件 ▸ 另存为) 到有空间的地方。</translation>
    </message>
    <message>
        <source>Autosave works again</source>
        <translation>自动保存已恢复</translation>
    </message>
</context>
<context>
    <name>StandardiseHint</name>
    <message>
        <source>The input columns&apos; spreads differ %s-fold (more than %g-fold): the narrow ones hardly count, and the decision boundary is hard to read.</source>
        <translation>各输入列的离散程度相差 %s 倍 (超过 %g 倍): 范围小的列几乎不起作用, 决策边界也难以看清。</translation>
    </message>
    <message>
        <source>Standardise inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>The network then sees (x − mean) / sd per input column (Ctrl+Z undoes)</source>
        <translation>之后网络看到的是每个输入列的 (x − 均值) / 标准差 (Ctrl+Z 撤销)</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>Symbolic</source>
        <translation>符号形式</translation>
    </message>
    <message>
        <source>With the numbers</source>
        <translation>代入数值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>step/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <source>steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <source> of %d</source>
        <translation> / %d</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>暂停训练</translation>
    </message>
    <message>
        <source>Train continuously</source>
        <translation>连续训练</translation>
    </message>
    <message>
        <source>%s steps/s</source>
        <translation>%s 步/秒</translation>
    </message>
    <message>
        <source>Step %s · epoch %s · loss %s</source>
        <translation>第 %s 步 · 第 %s 轮 · 损失 %s</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Take one optimiser update, then pause</source>
        <translation>做一次参数更新, 然后暂停</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <source>Train to the end of the current epoch, then pause</source>
        <translation>训练到本轮结束, 然后暂停</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Fresh weights from the initialisation seed; clear the loss history</source>
        <translation>按初始化种子重新生成权重; 清空损失记录</translation>
    </message>
    <message>
        <source>Training speed: from slow motion (follow each update on the diagram) to flat out</source>
        <translation>训练速度: 从慢动作 (在结构图上看清每次更新) 到全速</translation>
    </message>
    <message>
        <source>Train as fast as the computer can; click again for the default pace</source>
        <translation>让电脑尽快训练; 再点一次恢复默认速度</translation>
    </message>
    <message>
        <source>Learning rate η: how far each update moves the weights (applies at once)</source>
        <translation>学习率 η: 每次更新时权重移动的幅度 (立即生效)</translation>
    </message>
    <message>
        <source>Samples per update: 1 is online learning; all of them is full batch (a change starts a fresh epoch)</source>
        <translation>每次更新所用的样本数：1 为在线学习，全部样本为全批量（更改后从新的一轮开始）</translation>
    </message>
    <message>
        <source>The loss E the gradients are taken of: ½ Σ (Y − Ŷ)² as in the seed, the mean squared error, or cross-entropy (for a softmax or sigmoid output layer)</source>
        <translation>求梯度所用的损失函数 E：原文的 ½ Σ (Y − Ŷ)²、均方误差，或交叉熵（输出层为 softmax 或 sigmoid 时）</translation>
    </message>
    <message>
        <source>Draw a new order of the training samples for every epoch, from the seed (a change starts a fresh epoch)</source>
        <translation>每一轮按种子重新抽取训练样本的顺序（更改后从新的一轮开始）</translation>
    </message>
    <message>
        <source>The seed of the shuffled order: the same seed gives the same run (a change starts a fresh epoch)</source>
        <translation>打乱顺序所用的种子：相同的种子得到相同的训练过程（更改后从新的一轮开始）</translation>
    </message>
    <message>
        <source>Pause once this many epochs have finished</source>
        <translation>完成这么多轮后暂停</translation>
    </message>
    <message>
        <source>Pause once an epoch&apos;s loss is at most this</source>
        <translation>某一轮的损失不超过此值时暂停</translation>
    </message>
    <message>
        <source>Updates taken, epochs finished, latest loss, speed</source>
        <translation>已更新的步数、已完成的轮数、最新的损失、速度</translation>
    </message>
    <message>
        <source>Why training last stopped</source>
        <translation>训练上次停止的原因</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Momentum μ (torch.optim&apos;s rule): each weight keeps a buffer b ← μ·b + g (RMSprop: + g / (√v + ε)) and moves by −η·b; 0 is no momentum (applies at once)</source>
        <translation>动量 μ（torch.optim 的规则）：每个权重保存一个缓冲 b ← μ·b + g（RMSprop：+ g / (√v + ε)），并按 −η·b 移动；0 即不用动量（立即生效）</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Stop after epochs</source>
        <translation>训练轮数上限</translation>
    </message>
    <message>
        <source>or at loss ≤</source>
        <translation>或损失 ≤</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Shuffle each epoch</source>
        <translation>每轮打乱顺序</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>Decay α</source>
        <translation>衰减率 α</translation>
    </message>
    <message>
        <source>Epsilon ε</source>
        <translation>ε（防零项）</translation>
    </message>
    <message>
        <source>Decay β₁</source>
        <translation>衰减率 β₁</translation>
    </message>
    <message>
        <source>Decay β₂</source>
        <translation>衰减率 β₂</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>权重衰减 λ</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>½ Σ (Y − Ŷ)² (seed)</source>
        <translation>½ Σ (Y − Ŷ)²（原文）</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>How the gradient g becomes an update (torch.optim&apos;s SGD, RMSprop, Adam): SGD steps by −η·g (with momentum, by a running sum); RMSprop divides g by the root of its running mean square; Adam divides a running mean of g by the root of its running mean square. Another optimiser starts its running averages from zero</source>
        <translation>梯度 g 如何变成更新（torch.optim 的 SGD、RMSprop、Adam）：SGD 按 −η·g 移动（有动量时按累积和）；RMSprop 用 g 除以其均方滑动平均的平方根；Adam 用 g 的滑动平均除以其均方滑动平均的平方根。换用另一种优化器时，滑动平均从零开始</translation>
    </message>
    <message>
        <source>Nesterov momentum: step by −η·(g + μ·b) instead of −η·b, looking one step ahead (needs a momentum above 0)</source>
        <translation>Nesterov 动量：按 −η·(g + μ·b) 而不是 −η·b 移动，向前多看一步（需要动量大于 0）</translation>
    </message>
    <message>
        <source>Weight decay λ (L2 penalty, as torch.optim adds it): every weight&apos;s gradient becomes g + λ·w, pulling the weights towards 0; 0 is none</source>
        <translation>权重衰减 λ（L2 惩罚，按 torch.optim 的方式加入）：每个权重的梯度变为 g + λ·w，把权重拉向 0；0 即不衰减</translation>
    </message>
    <message>
        <source>RMSprop&apos;s α: how slowly its mean square forgets, v ← α·v + (1 − α)·g² (torch&apos;s default 0.99)</source>
        <translation>RMSprop 的 α：均方平均遗忘得多慢，v ← α·v + (1 − α)·g²（torch 默认 0.99）</translation>
    </message>
    <message>
        <source>ε: added to the root in the denominator so that it is never 0 (torch&apos;s default 1e-8); type it as 1e-8, the arrows multiply or divide it by 10</source>
        <translation>ε：加在分母的平方根上，使分母永不为 0（torch 默认 1e-8）；可输入 1e-8，上下箭头把它乘以或除以 10</translation>
    </message>
    <message>
        <source>Adam&apos;s β₁: how slowly the mean of g forgets, m ← β₁·m + (1 − β₁)·g (torch&apos;s default 0.9)</source>
        <translation>Adam 的 β₁：g 的平均遗忘得多慢，m ← β₁·m + (1 − β₁)·g（torch 默认 0.9）</translation>
    </message>
    <message>
        <source>Adam&apos;s β₂: how slowly the mean square forgets, v ← β₂·v + (1 − β₂)·g² (torch&apos;s default 0.999)</source>
        <translation>Adam 的 β₂：均方平均遗忘得多慢，v ← β₂·v + (1 − β₂)·g²（torch 默认 0.999）</translation>
    </message>
    <message>
        <source>The optimiser&apos;s numbers and the weight decay: %s</source>
        <translation>优化器的参数与权重衰减：%s</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>Training failed: the training process ended unexpectedly (exit code %s)</source>
        <translation>训练失败: 训练进程意外结束 (退出码 %s)</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Reset training</source>
        <translation>重置训练</translation>
    </message>
    <message>
        <source>Train 1 step</source>
        <translation>训练 1 步</translation>
    </message>
    <message>
        <source>Train %d steps</source>
        <translation>训练 %d 步</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Stopped: reached the epoch limit (%d)</source>
        <translation>已停止: 达到训练轮数上限 (%d)</translation>
    </message>
    <message>
        <source>Stopped: the epoch loss %s reached the target %s</source>
        <translation>已停止: 本轮损失 %s 已达到目标 %s</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>The learning rate is %s; try %s.</source>
        <translation>学习率为 %s; 试试 %s。</translation>
    </message>
</context>
<context>
    <name>UndoRedoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>UnitBadges</name>
    <message>
        <source>S</source>
        <comment>badge letter: a saturated unit (keep it one character)</comment>
        <translation>饱</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is a dead ReLU&lt;/b&gt;: its z is ≤ 0 on every training sample, so it outputs 0 and its slope is 0. Every path through it carries nothing back (step 五), so the weights into it never change: it will not recover by itself.</source>
        <translation>&lt;b&gt;%1 是“死亡”的 ReLU&lt;/b&gt;：它在每个训练样本上 z ≤ 0，所以输出 0、斜率也为 0。经过它的每条路径都传不回任何梯度（第五步），进入它的权重永远不变：它自己不会恢复。</translation>
    </message>
    <message>
        <source>Try a smaller learning rate, Leaky ReLU, small positive biases, or re-initialising the weights.</source>
        <translation>可以试试更小的学习率、Leaky ReLU、小的正偏置，或重新初始化权重。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is saturated&lt;/b&gt; on %2 % of the training samples (at least %3 %): there its slope da/dz is below %4 % of its largest.</source>
        <translation>&lt;b&gt;%1 已饱和&lt;/b&gt;：在 %2 % 的训练样本上（至少 %3 %），它的斜率 da/dz 低于最大值的 %4 %。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is saturated&lt;/b&gt; on this sample: its slope da/dz is only %2 % of its largest (below %4 %).</source>
        <translation>&lt;b&gt;%1 已饱和&lt;/b&gt;：在这个样本上，它的斜率 da/dz 只有最大值的 %2 %（低于 %4 %）。</translation>
    </message>
    <message>
        <source>Step 五 multiplies every gradient passing back through it by that slope, so the weights before it learn very slowly.</source>
        <translation>第五步把经过它传回的每个梯度都乘以这个斜率，所以它前面的权重学得非常慢。</translation>
    </message>
    <message>
        <source>Try smaller initial weights, standardised inputs, a smaller learning rate, or tanh or ReLU instead of the sigmoid.</source>
        <translation>可以试试更小的初始权重、标准化的输入、更小的学习率，或用 tanh、ReLU 代替 sigmoid。</translation>
    </message>
</context>
<context>
    <name>WalkthroughBar</name>
    <message>
        <source>Previous section of the derivation</source>
        <translation>推导的上一节</translation>
    </message>
    <message>
        <source>Previous formula (before the first: undo the last update)</source>
        <translation>上一个公式 (在第一个之前: 撤销上一次更新)</translation>
    </message>
    <message>
        <source>Next section of the derivation</source>
        <translation>推导的下一节</translation>
    </message>
    <message>
        <source>Back to the first formula</source>
        <translation>回到第一个公式</translation>
    </message>
    <message>
        <source>Auto-play: advance one formula at the chosen pace</source>
        <translation>自动播放: 按所选节奏逐个前进</translation>
    </message>
    <message>
        <source>Auto-play pace: time per formula (right is faster)</source>
        <translation>自动播放的节奏: 每个公式停留的时间 (向右更快)</translation>
    </message>
    <message>
        <source>Next formula (after 七: apply the update and go on to the next step)</source>
        <translation>下一个公式（七之后：应用更新，进入下一步）</translation>
    </message>
    <message>
        <source>What the walkthrough follows: the trainer&apos;s next step (its batch and its optimiser&apos;s update: passing 七 takes that step), or one chosen sample (a plain update, not the trainer&apos;s next step)</source>
        <translation>逐步推导所跟随的对象：训练的下一步（它的批量和优化器的更新；走过七即执行这一步），或选定的单个样本（普通更新，不是训练的下一步）</translation>
    </message>
    <message>
        <source>The row of the next batch that the formulas before the batch mean follow</source>
        <translation>批量平均之前的各公式所跟随的、下一批中的那一行</translation>
    </message>
    <message>
        <source> digits</source>
        <translation> 位有效数字</translation>
    </message>
    <message>
        <source>Significant digits of the numbers in the formulas</source>
        <translation>公式中数字的有效位数</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>节奏</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>End steps 3-6 with the fully expanded formula, written down to the outputs as in the seed document (where it stays readable)</source>
        <translation>三至六步最后写出完全展开的公式，一直展开到输出层，与原始文档一致（公式过长时不展开）</translation>
    </message>
    <message>
        <source>Jacobian</source>
        <translation>雅可比</translation>
    </message>
    <message>
        <source>Write out the softmax Jacobian ∂Y/∂z entry by entry, and with cross-entropy steps 1 and 2 apart: why ∂E/∂z = Y − Ŷ (shown for a softmax output or cross-entropy)</source>
        <translation>逐项写出 softmax 的雅可比矩阵 ∂Y/∂z；交叉熵时把一、二两步分开写，说明为何 ∂E/∂z = Y − Ŷ（输出层为 softmax 或损失函数为交叉熵时显示）</translation>
    </message>
    <message>
        <source>Next training step</source>
        <translation>训练的下一步</translation>
    </message>
    <message>
        <source>Sample %d (not the next step)</source>
        <translation>样本 %d（不是下一步）</translation>
    </message>
    <message>
        <source>Row %d of the batch</source>
        <translation>批量中的第 %d 行</translation>
    </message>
    <message>
        <source>Formula %d of %d</source>
        <translation>第 %d 个公式, 共 %d 个</translation>
    </message>
</context>
<context>
    <name>WalkthroughCursor</name>
    <message>
        <source>Walkthrough: plain update for sample %d (not a training step)</source>
        <translation>逐步推导：样本 %d 的普通更新（不是训练步）</translation>
    </message>
    <message>
        <source>Applied sample %d&apos;s plain update as an edit: it is not the trainer&apos;s step (no momentum; steps taken and the epoch are unchanged)</source>
        <translation>已将样本 %d 的普通更新作为一次编辑应用：这不是训练的一步（不含动量；已走步数和本轮进度不变）</translation>
    </message>
    <message>
        <source>Walkthrough: training step %d</source>
        <translation>逐步推导：训练第 %d 步</translation>
    </message>
    <message>
        <source>Took training step %d, as Step does</source>
        <translation>已走训练第 %d 步，与“单步”相同</translation>
    </message>
</context>
<context>
    <name>WeightTableModel</name>
    <message>
        <source> (double-click to edit)</source>
        <translation> (双击可编辑)</translation>
    </message>
    <message>
        <source>bias %s</source>
        <translation>偏置 %s</translation>
    </message>
    <message>
        <source>“%s” is not a number; the value was kept.</source>
        <translation>“%s” 不是数字; 数值保持不变。</translation>
    </message>
</context>
<context>
    <name>WeightTablesPanel</name>
    <message>
        <source>w (editable)</source>
        <translation>w (可编辑)</translation>
    </message>
    <message>
        <source>The weights w; double-click or type to edit one</source>
        <translation>权重 w; 双击或直接输入即可编辑</translation>
    </message>
    <message>
        <source>The gradient of the shown sample&apos;s loss (read-only)</source>
        <translation>当前样本损失的梯度 (只读)</translation>
    </message>
    <message>
        <source>Δw (last change)</source>
        <translation>Δw (上次的变化)</translation>
    </message>
    <message>
        <source>How much the last edit or training run changed w</source>
        <translation>上一次编辑或训练使 w 改变了多少</translation>
    </message>
    <message>
        <source>Show the weights, their gradients, or the last update</source>
        <translation>显示权重、梯度或上一次的更新量</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示:</translation>
    </message>
    <message>
        <source>&lt;b&gt;w%s&lt;/b&gt;: layer %d → layer %d (%s)</source>
        <translation>&lt;b&gt;w%s&lt;/b&gt;: 第 %d 层 → 第 %d 层 (%s)</translation>
    </message>
    <message>
        <source>Too many weights to list them one by one (%s; a table lists up to %s).</source>
        <translation>权重太多, 无法逐一列出 (%s 个; 表格最多列出 %s 个)。</translation>
    </message>
    <message>
        <source>Summarising them…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <source>Smallest %.4g, largest %.4g, mean %.4g, root mean square %.4g.</source>
        <translation>最小值 %.4g, 最大值 %.4g, 平均值 %.4g, 均方根 %.4g。</translation>
    </message>
    <message>
        <source>Rows: units of layer %d; columns: units of layer %d</source>
        <translation>行: 第 %d 层的单元; 列: 第 %d 层的单元</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>“%s” has unsaved changes. Save them first?</source>
        <translation>“%s” 有未保存的修改。要先保存吗?</translation>
    </message>
    <message>
        <source>New project from the example “%s”</source>
        <translation>已用示例 “%s” 新建项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Opened %s; fields this version does not know were ignored: %s</source>
        <translation>已打开 %s；本版本不认识的字段已忽略：%s</translation>
    </message>
    <message>
        <source>Opened %s</source>
        <translation>已打开 %s</translation>
    </message>
    <message>
        <source>Opening “%s” (%s MiB)…</source>
        <translation>正在打开 “%s” (%s MiB)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Opening project</source>
        <translation>正在打开项目</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>BP Studio cannot open “%s”:

%s

Your current work is unchanged.</source>
        <translation>BP Studio 无法打开 “%s”:

%s

您当前的工作没有改变。</translation>
    </message>
    <message>
        <source>Could not open %s</source>
        <translation>无法打开 %s</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>BP Studio cannot save “%s”:

%s</source>
        <translation>BP Studio 无法保存 “%s”:

%s</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>已保存 %s</translation>
    </message>
    <message>
        <source>Saving “%s”…</source>
        <translation>正在保存 “%s”…</translation>
    </message>
    <message>
        <source>Saving project</source>
        <translation>正在保存项目</translation>
    </message>
    <message>
        <source>BP Studio projects (*.json);;All files (*)</source>
        <translation>BP Studio 项目 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出结构图</translation>
    </message>
    <message>
        <source>Could not export: %s</source>
        <translation>无法导出: %s</translation>
    </message>
    <message>
        <source>Exported the diagram to %s</source>
        <translation>已把结构图导出到 %s</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New from example</source>
        <translation>从示例新建(&amp;E)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New project: the seed network</source>
        <translation>新建项目: 原推导中的网络</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file</source>
        <translation>打开一个项目文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project to a new file</source>
        <translation>把项目保存到新文件</translation>
    </message>
    <message>
        <source>Export diagram as &amp;PNG…</source>
        <translation>导出结构图为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the diagram as a PNG image</source>
        <translation>把结构图保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Export diagram as S&amp;VG…</source>
        <translation>导出结构图为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the diagram as an SVG drawing</source>
        <translation>把结构图保存为 SVG 矢量图</translation>
    </message>
    <message>
        <source>Export as &amp;code…</source>
        <translation>导出为代码(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the walkthrough as runnable NumPy or PyTorch code, or a notebook</source>
        <translation>把逐步推导写成可运行的 NumPy 或 PyTorch 代码, 或 Jupyter 笔记本</translation>
    </message>
    <message>
        <source>Export &amp;handout…</source>
        <translation>导出讲义(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the walkthrough as a PDF, web page, Markdown or LaTeX handout</source>
        <translation>把逐步推导保存为 PDF、网页、Markdown 或 LaTeX 讲义</translation>
    </message>
    <message>
        <source>Export e&amp;xercise sheets…</source>
        <translation>导出练习卷(&amp;X)…</translation>
    </message>
    <message>
        <source>Sheets for a class: each student&apos;s own numbers, blanks, one answer key</source>
        <translation>为全班生成练习卷：每人数字不同、留有空格，另附一份答案</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close BP Studio</source>
        <translation>关闭 BP Studio</translation>
    </message>
    <message>
        <source>Re-&amp;initialise weights…</source>
        <translation>重新初始化权重(&amp;I)…</translation>
    </message>
    <message>
        <source>Draw fresh weights with a scheme and a seed</source>
        <translation>按初始化方法和种子重新生成权重</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom into the diagram</source>
        <translation>放大结构图</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out of the diagram</source>
        <translation>缩小结构图</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>显示整个结构图</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>A short tour: what the diagram shows, how to step and how to train</source>
        <translation>简短导览: 结构图表示什么, 如何逐步推导, 如何训练</translation>
    </message>
    <message>
        <source>&amp;About BP Studio</source>
        <translation>关于 BP Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>版本与许可证</translation>
    </message>
    <message>
        <source>The seed network (3-2-2)</source>
        <translation>原推导中的网络 (3-2-2)</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <source>AND gate</source>
        <translation>与门 (AND)</translation>
    </message>
    <message>
        <source>Sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>双螺旋</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Start a new project from the example “%s”</source>
        <translation>用示例 “%s” 新建项目</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(暂无)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Forget the recent files</source>
        <translation>清除最近打开的文件记录</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--sample %d is out of range: %s has %d sample(s), numbered 1 to %d</source>
        <translation>--sample %d 超出范围: %s 共有 %d 个样本, 编号为 1 到 %d</translation>
    </message>
    <message>
        <source>wrote %s</source>
        <translation>已写入 %s</translation>
    </message>
    <message>
        <source>steps %d  epochs %d  loss %s</source>
        <translation>步数 %d  轮数 %d  损失 %s</translation>
    </message>
    <message>
        <source>wrote %s with the %d steps done before the interruption</source>
        <translation>已写入 %s, 含中断前完成的 %d 步</translation>
    </message>
    <message>
        <source>warning: %s: fields this version does not know, ignored: %s</source>
        <translation>警告：%s：本版本不认识的字段，已忽略：%s</translation>
    </message>
    <message>
        <source>interrupted after %d of %d steps</source>
        <translation>在 %d/%d 步后中断</translation>
    </message>
    <message>
        <source>test loss %s  (%d held-out samples)</source>
        <translation>测试损失 %s  (%d 个留出样本)</translation>
    </message>
    <message>
        <source>accuracy train %s</source>
        <translation>准确率 训练集 %s</translation>
    </message>
    <message>
        <source>  test %s</source>
        <translation>  测试集 %s</translation>
    </message>
    <message>
        <source>--out %s: give a .md (Markdown) or .csv file</source>
        <translation>--out %s：请给出 .md（Markdown）或 .csv 文件</translation>
    </message>
    <message>
        <source>--vary expects SETTING=VALUE,VALUE,... (e.g. %s), got &apos;%s&apos;</source>
        <translation>--vary 的格式应为 设置=取值,取值,...（例如 %s），实际为 &apos;%s&apos;</translation>
    </message>
    <message>
        <source>interrupted after %d of %d runs</source>
        <translation>在 %d/%d 次运行后中断</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss %s</source>
        <translation>损失 %s</translation>
    </message>
    <message>
        <source>step %d/%d  epoch %d  loss %s</source>
        <translation>第 %d/%d 步  第 %d 轮  损失 %s</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>unknown command &apos;%s&apos; (did you mean %s?)</source>
        <translation>未知命令 &apos;%s&apos; (你是想用 %s 吗?)</translation>
    </message>
    <message>
        <source>unknown command &apos;%s&apos;; the commands are %s, or give a project file to open</source>
        <translation>未知命令 &apos;%s&apos;; 可用命令为 %s, 或者给出要打开的项目文件</translation>
    </message>
    <message>
        <source>--students %d is too many: at most %d sheets at a time</source>
        <translation>--students %d 太多了：一次最多 %d 份</translation>
    </message>
    <message>
        <source>--level %d is out of range: this network&apos;s walkthrough has %d sections</source>
        <translation>--level %d 超出范围：这个网络的逐步推导共有 %d 节</translation>
    </message>
    <message>
        <source>cannot write %s: %s</source>
        <translation>无法写入 %s：%s</translation>
    </message>
    <message>
        <source>wrote %d file(s) to %s</source>
        <translation>已将 %d 个文件写入 %s</translation>
    </message>
    <message>
        <source>--out %s is a file; give a folder for the sheets</source>
        <translation>--out %s 是一个文件；请给出存放练习卷的文件夹</translation>
    </message>
    <message>
        <source>Experiment: %s = %s</source>
        <translation>实验：%s = %s</translation>
    </message>
    <message>
        <source>Project: %s. %d epochs each, from the project&apos;s weights; every other setting (the seeds too) as the project has it.</source>
        <translation>项目：%s。每次运行 %d 轮，都从项目中的权重开始；其他所有设置（包括种子）与项目相同。</translation>
    </message>
    <message>
        <source>Converged: the first epoch whose mean loss is below %s of the first epoch&apos;s.</source>
        <translation>收敛：第一个平均损失低于第 1 轮的 %s 的轮次。</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>final accuracy</source>
        <translation>最终准确率</translation>
    </message>
    <message>
        <source>converged at epoch</source>
        <translation>收敛于第几轮</translation>
    </message>
    <message>
        <source>epoch %d</source>
        <translation>第 %d 轮</translation>
    </message>
    <message>
        <source>curve (log scale)</source>
        <translation>曲线（对数刻度）</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
</context>
</TS>
