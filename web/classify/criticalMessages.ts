// The words of the classification page's Critical point and minimum-ratio panels, in English and
// Simplified Chinese with the book's vocabulary (鞍点, 局部最小值, 特征值, 最小值比例, 海森矩阵).
// Merged into classify/messages.ts.
const en = {
  'classify.presets.own':
    'Your own experiment. Pick a preset above to see one of the chapter’s on real networks, or change the data, the network and the optimizers while they train.',
  'classify.critical.title': 'Critical point',
  'classify.critical.refresh': 'Analyse again now',
  'classify.critical.where': '{racer} · epoch {epoch}',
  'classify.critical.moved': 'moved by hand: Reset returns to the link’s run',
  'classify.critical.waiting': 'Computing the Hessian…',
  'classify.critical.tooLarge':
    'This network has {parameters} parameters: the exact Hessian is computed for at most {limit} (its P² entries, and P³ work for the eigenvalues).',
  'classify.critical.failed': 'The analysis failed: {message}',
  'classify.critical.objective': 'J (training loss + penalty)',
  'classify.critical.gradient': '‖∇J‖',
  'classify.critical.gradient.title': 'The point counts as critical when ‖∇J‖ ≤ 1e-6',
  'classify.critical.ratio': 'Minimum ratio',
  'classify.critical.ratio.value': '{positive} / {parameters} = {ratio}',
  'classify.critical.ratio.title': 'Positive eigenvalues over all eigenvalues (the chapter’s minimum ratio)',
  'classify.critical.counts': '{negative} negative, {flat} flat, {positive} positive of {parameters} eigenvalues',
  'classify.critical.sharpness': 'λ_max·η_t',
  'classify.critical.sharpness.stable': '{value}: below 2, plain gradient descent with this rate is stable.',
  'classify.critical.sharpness.unstable':
    '{value}: above 2, plain gradient descent with this rate would be unstable along the sharpest direction.',
  'classify.critical.explain.minimum': 'The gradient is 0 and every eigenvalue is positive: a local minimum.',
  'classify.critical.explain.maximum': 'The gradient is 0 and every eigenvalue is negative: a local maximum.',
  'classify.critical.explain.saddle':
    'The gradient is 0, yet {negative} {negative|eigenvalue is|eigenvalues are} negative: a saddle point. Along {negative|its eigenvector|their eigenvectors} the loss still goes down.',
  'classify.critical.explain.degenerate':
    'The gradient is 0 and no eigenvalue is negative, but {flat} {flat|is|are} flat: the second-order test cannot decide. Networks have exactly flat directions from symmetries (adding the same number to every class’s output changes nothing).',
  'classify.critical.explain.not-critical':
    'The gradient is not 0 here, so this is not a critical point; the eigenvalues describe the curvature where the racer is. {negative} negative {negative|eigenvalue|eigenvalues}: {negative|a direction|directions} in which the loss bends down.',
  'classify.critical.tau':
    'Flat: |λ| ≤ τ = 10⁻⁶·max|λ| = {tau}. Symmetries of the network make some eigenvalues exactly 0; rounding leaves them near 10⁻¹⁵·max|λ|.',
  'classify.critical.l1': 'L1 regularisation: |w| has no second derivative, so its Hessian is taken as 0 here.',
  'classify.critical.escape.title': 'Escape along the most negative eigenvalue’s eigenvector u',
  'classify.critical.escape.step': 'Step length s',
  'classify.critical.escape.stepError':
    's = “{value}” is refused: the step length must be a number > 0 and at most 100. The escape waits for one.',
  'classify.critical.escape.values': 'J(θ) = {before}; J(θ + s·u) = {plus}; J(θ − s·u) = {minus}',
  'classify.critical.escape.plus': 'Step to θ + s·u',
  'classify.critical.escape.minus': 'Step to θ − s·u',
  'classify.critical.escape.plus.title': 'Move the racer’s weights there; Play then trains on from there',
  'classify.critical.escape.none': 'No negative eigenvalue: there is no escape direction.',
  'classify.critical.search': 'Go to the critical point',
  'classify.critical.search.title':
    'The lecture’s method: minimise ‖∇J‖² (its gradient is H∇J), then damped Newton steps on ∇J = 0, from the racer’s weights. It finds saddles as readily as minima.',
  'classify.critical.search.busy': 'Searching…',
  'classify.critical.search.converged': 'Reached ‖∇J‖ = {norm} after {first} + {second} steps.',
  'classify.critical.search.stalled':
    'Stopped at ‖∇J‖ = {norm} after {first} + {second} steps: no critical point nearby (or it lies at infinity).',
  'classify.critical.spectrum': 'Eigenvalues, sorted (symmetric log axis)',
  'classify.critical.histogram': 'Eigenvalues: histogram (symmetric log axis)',
  'classify.critical.spectrum.label':
    'The Hessian’s {parameters} eigenvalues: {negative} negative, {flat} flat, {positive} positive',
  'classify.critical.legend.negative': '{count} negative',
  'classify.critical.legend.flat': '{count} flat (|λ| ≤ τ)',
  'classify.critical.legend.positive': '{count} positive',

  'classify.experiment.title': 'The lecture’s experiment: minimum ratio',
  'classify.experiment.explain':
    'K networks with seeds {seed} … {last}: each is trained by {racer} to the epoch limit, then driven to a critical point (minimise ‖∇J‖², then damped Newton). Each point is one run: x = minimum ratio, y = training loss J. Click a point to open its link.',
  'classify.experiment.runs': 'Runs K',
  'classify.experiment.runsError': 'must be a whole number 1 … {max}',
  'classify.experiment.start': 'Run',
  'classify.experiment.cancel': 'Cancel',
  'classify.experiment.progress': '{done} of {runs} runs',
  'classify.experiment.time': '{seconds} s',
  'classify.experiment.csv.title': 'Download the rows as CSV (the columns of playground minimum-ratio)',
  'classify.experiment.failed': 'The experiment stopped: {message}',
  'classify.experiment.cancelled': 'Cancelled after {done} of {runs} runs.',
  'classify.experiment.tooLarge':
    'This network has {parameters} parameters: the experiment needs the exact Hessian, at most {limit}.',
  'classify.experiment.summary':
    'Largest ratio {largest} (1 would be a strict local minimum); {saddles} of {done} runs ended at a saddle point.',
  'classify.experiment.point': 'run {run} · seed {seed} · ratio {ratio} · J {loss} · {kind}',
  'classify.experiment.open': 'click to open this run’s link',
  'classify.experiment.axisX': 'minimum ratio',
  'classify.experiment.axisY': 'training loss J',
  'classify.experiment.axisYLog': 'training loss J (log)',
  'classify.experiment.chart': 'Scatter of the runs: minimum ratio against training loss',
} as const;

export const criticalMessages: { en: typeof en; zh: Record<keyof typeof en, string> } = {
  en,
  zh: {
    'classify.presets.own':
      '你自己的实验。点选上面的预设，看看本章在真实网络上的实验；或者在训练过程中修改数据、网络和优化器。',
    'classify.critical.title': '临界点',
    'classify.critical.refresh': '立即重新分析',
    'classify.critical.where': '{racer} · 第 {epoch} 个回合',
    'classify.critical.moved': '已手动移动：按“重置”回到链接中的训练过程',
    'classify.critical.waiting': '正在计算海森矩阵……',
    'classify.critical.tooLarge':
      '这个网络有 {parameters} 个参数：精确的海森矩阵最多只对 {limit} 个参数计算（它有 P² 个元素，求特征值需要 P³ 的计算量）。',
    'classify.critical.failed': '分析失败：{message}',
    'classify.critical.objective': 'J（训练损失 + 正则项）',
    'classify.critical.gradient': '‖∇J‖',
    'classify.critical.gradient.title': '当 ‖∇J‖ ≤ 1e-6 时，这个点算作临界点',
    'classify.critical.ratio': '最小值比例',
    'classify.critical.ratio.value': '{positive} / {parameters} = {ratio}',
    'classify.critical.ratio.title': '正特征值个数除以特征值总数（本章的最小值比例）',
    'classify.critical.counts': '{parameters} 个特征值中：{negative} 个为负，{flat} 个平坦，{positive} 个为正',
    'classify.critical.sharpness': 'λ_max·η_t',
    'classify.critical.sharpness.stable': '{value}：小于 2，用这个学习率的普通梯度下降是稳定的。',
    'classify.critical.sharpness.unstable': '{value}：大于 2，用这个学习率的普通梯度下降在最陡的方向上会不稳定。',
    'classify.critical.explain.minimum': '梯度为零，所有特征值都为正：局部最小值。',
    'classify.critical.explain.maximum': '梯度为零，所有特征值都为负：局部最大值。',
    'classify.critical.explain.saddle':
      '梯度为零，但有 {negative} 个特征值为负：鞍点。沿这些特征值对应的特征向量移动，损失还能下降。',
    'classify.critical.explain.degenerate':
      '梯度为零，没有负特征值，但有 {flat} 个特征值平坦：二阶判别无法下结论。网络因为对称性而存在完全平坦的方向（给每个类别的输出加上同一个数，结果不变）。',
    'classify.critical.explain.not-critical':
      '这里梯度不为零，所以不是临界点；特征值描述的是当前位置的曲率。有 {negative} 个负特征值：沿这些方向损失向下弯。',
    'classify.critical.tau':
      '平坦：|λ| ≤ τ = 10⁻⁶·max|λ| = {tau}。网络的对称性使一些特征值恰好为零，舍入误差让它们落在 10⁻¹⁵·max|λ| 附近。',
    'classify.critical.l1': 'L1 正则化：|w| 没有二阶导数，所以这里把它的海森矩阵当作零。',
    'classify.critical.escape.title': '沿最负特征值的特征向量 u 逃离',
    'classify.critical.escape.step': '步长 s',
    'classify.critical.escape.stepError': 's = “{value}” 无效：步长必须是大于 0、不超过 100 的数。改正后才能逃离。',
    'classify.critical.escape.values': 'J(θ) = {before}；J(θ + s·u) = {plus}；J(θ − s·u) = {minus}',
    'classify.critical.escape.plus': '移到 θ + s·u',
    'classify.critical.escape.minus': '移到 θ − s·u',
    'classify.critical.escape.plus.title': '把该优化器的权重移到那里；再按播放就从那里继续训练',
    'classify.critical.escape.none': '没有负特征值：不存在逃离方向。',
    'classify.critical.search': '走到临界点',
    'classify.critical.search.title':
      '课程中的方法：从当前权重出发，先最小化 ‖∇J‖²（它的梯度是 H∇J），再对 ∇J = 0 做带阻尼的牛顿迭代。它找到鞍点和找到最小值一样容易。',
    'classify.critical.search.busy': '正在寻找……',
    'classify.critical.search.converged': '经过 {first} + {second} 步，‖∇J‖ 降到 {norm}。',
    'classify.critical.search.stalled':
      '经过 {first} + {second} 步停在 ‖∇J‖ = {norm}：附近没有临界点（或者它在无穷远处）。',
    'classify.critical.spectrum': '特征值，从小到大（对称对数坐标）',
    'classify.critical.histogram': '特征值的直方图（对称对数坐标）',
    'classify.critical.spectrum.label':
      '海森矩阵的 {parameters} 个特征值：{negative} 个为负，{flat} 个平坦，{positive} 个为正',
    'classify.critical.legend.negative': '{count} 个为负',
    'classify.critical.legend.flat': '{count} 个平坦（|λ| ≤ τ）',
    'classify.critical.legend.positive': '{count} 个为正',

    'classify.experiment.title': '课程中的实验：最小值比例',
    'classify.experiment.explain':
      'K 个网络，随机种子为 {seed} … {last}：每个都用 {racer} 训练到设定的回合数，再走到临界点（先最小化 ‖∇J‖²，再用带阻尼的牛顿法）。每个点是一次运行：横轴是最小值比例，纵轴是训练损失 J。点击一个点可以打开它的链接。',
    'classify.experiment.runs': '运行次数 K',
    'classify.experiment.runsError': '必须是 1 … {max} 的整数',
    'classify.experiment.start': '运行',
    'classify.experiment.cancel': '取消',
    'classify.experiment.progress': '已完成 {done} / {runs} 次',
    'classify.experiment.time': '{seconds} 秒',
    'classify.experiment.csv.title': '把结果下载为 CSV（列与命令行的最小值比例实验相同）',
    'classify.experiment.failed': '实验已停止：{message}',
    'classify.experiment.cancelled': '已取消，完成了 {done} / {runs} 次运行。',
    'classify.experiment.tooLarge': '这个网络有 {parameters} 个参数：实验需要精确的海森矩阵，最多 {limit} 个参数。',
    'classify.experiment.summary':
      '最大的比例为 {largest}（1 才是严格的局部最小值）；{done} 次运行中有 {saddles} 次停在鞍点。',
    'classify.experiment.point': '第 {run} 次 · 种子 {seed} · 比例 {ratio} · J {loss} · {kind}',
    'classify.experiment.open': '点击打开这次运行的链接',
    'classify.experiment.axisX': '最小值比例',
    'classify.experiment.axisY': '训练损失 J',
    'classify.experiment.axisYLog': '训练损失 J（对数）',
    'classify.experiment.chart': '各次运行的散点图：最小值比例与训练损失',
  },
};
