// The words of the classification page's Landscape panel, in English and Simplified Chinese (the
// book's vocabulary: 损失, 海森矩阵, 特征值, 鞍点, 训练集, 测试集). Merged into
// classify/messages.ts.
const en = {
  'classify.landscape.title': 'Landscape',
  'classify.landscape.refresh': 'Compute the landscape again now',
  'classify.landscape.plane': 'Plane',
  'classify.landscape.plane.random': 'Random (filter-normalised)',
  'classify.landscape.plane.pca': 'PCA of the path',
  'classify.landscape.plane.hessian': 'Hessian: two largest eigenvalues',
  'classify.landscape.plane.saddle': 'Saddle: largest and most negative',
  'classify.landscape.plane.line': 'Line from the start θ₀ to θ*',
  'classify.landscape.explain.random':
    'J(θ* + α·d₁ + β·d₂) along two random directions, each neuron’s incoming weights scaled to the size of its own weights (Li et al. 2018), so that the picture does not depend on how weights are scaled.',
  'classify.landscape.explain.pca':
    'The plane of the two directions in which the weights moved most during training: the optimizer’s path lies almost in it.',
  'classify.landscape.explain.hessian':
    'The plane of the Hessian’s two eigenvectors of largest eigenvalue: the sharpest directions around θ*. Its curvature at the centre is λ_max.',
  'classify.landscape.explain.saddle':
    'The eigenvector of the largest eigenvalue and that of the most negative one: at a saddle point the loss falls along β.',
  'classify.landscape.explain.line':
    'J((1 − t)·θ₀ + t·θ*): from the initial weights (t = 0) to the current ones (t = 1), and beyond (Goodfellow et al. 2015).',
  'classify.landscape.set': 'Loss of',
  'classify.landscape.set.train': 'Training set',
  'classify.landscape.set.test': 'Test set',
  'classify.landscape.span': 'Range ±',
  'classify.landscape.where': '{racer} · epoch {epoch}',
  'classify.landscape.waiting': 'Computing the landscape…',
  'classify.landscape.coarse': 'preview',
  'classify.landscape.hover': 'α = {alpha}, β = {beta}: J = {value}',
  'classify.landscape.hoverLine': 't = {t}: J = {value}',
  'classify.landscape.legend': 'J from {min} to {max}',
  'classify.landscape.log': 'log scale',
  'classify.landscape.centre':
    'θ*: the selected racer’s weights now. Lines: every racer’s path projected on this plane.',
  'classify.landscape.start': 'θ₀ (start)',
  'classify.landscape.pcaEarly': 'The PCA plane needs the weights of a few epochs: train first.',
  'classify.landscape.lineEarly':
    'The line runs from the initial weights θ₀ to θ*, which are the same before training: train first.',
  'classify.landscape.tooLarge':
    'The Hessian planes need the exact Hessian, which is computed for networks of at most 1,000 parameters.',
  'classify.landscape.failed': 'No landscape: {message}',
  'classify.landscape.chart': 'Contour map of the loss J around the selected racer’s weights',
  'classify.landscape.lineChart': 'The loss J along the line from θ₀ to θ*',
};

export const landscapeMessages: { en: typeof en; zh: Record<keyof typeof en, string> } = {
  en,
  zh: {
    'classify.landscape.title': '损失地形',
    'classify.landscape.refresh': '立即重新计算损失地形',
    'classify.landscape.plane': '平面',
    'classify.landscape.plane.random': '随机方向（按滤波器归一化）',
    'classify.landscape.plane.pca': '路径的主成分（PCA）',
    'classify.landscape.plane.hessian': '海森矩阵：最大的两个特征值',
    'classify.landscape.plane.saddle': '鞍点：最大与最负的特征值',
    'classify.landscape.plane.line': '从初始参数 θ₀ 到 θ* 的直线',
    'classify.landscape.explain.random':
      'J(θ* + α·d₁ + β·d₂)，沿两个随机方向；每个神经元的输入权重按它自身权重的大小缩放（Li 等，2018），使图像不受权重缩放的影响。',
    'classify.landscape.explain.pca': '训练中权重变化最大的两个方向所张成的平面：优化器的路径几乎就在其中。',
    'classify.landscape.explain.hessian':
      '海森矩阵最大两个特征值的特征向量所张成的平面：θ* 附近最陡的方向。中心处的曲率就是 λ_max。',
    'classify.landscape.explain.saddle': '最大特征值与最负特征值的特征向量：在鞍点处，损失沿 β 方向下降。',
    'classify.landscape.explain.line':
      'J((1 − t)·θ₀ + t·θ*)：从初始参数（t = 0）到当前参数（t = 1），再向外延伸（Goodfellow 等，2015）。',
    'classify.landscape.set': '损失来自',
    'classify.landscape.set.train': '训练集',
    'classify.landscape.set.test': '测试集',
    'classify.landscape.span': '范围 ±',
    'classify.landscape.where': '{racer} · 第 {epoch} 个回合',
    'classify.landscape.waiting': '正在计算损失地形…',
    'classify.landscape.coarse': '预览',
    'classify.landscape.hover': 'α = {alpha}，β = {beta}：J = {value}',
    'classify.landscape.hoverLine': 't = {t}：J = {value}',
    'classify.landscape.legend': 'J 从 {min} 到 {max}',
    'classify.landscape.log': '对数刻度',
    'classify.landscape.centre': 'θ*：所选优化器当前的参数。线条：每个优化器的路径在此平面上的投影。',
    'classify.landscape.start': 'θ₀（起点）',
    'classify.landscape.pcaEarly': '主成分平面需要几个回合的参数记录：请先训练。',
    'classify.landscape.lineEarly': '这条直线从初始权重 θ₀ 连到 θ*，训练之前两者相同：请先训练。',
    'classify.landscape.tooLarge': '海森矩阵平面需要精确的海森矩阵，只对参数不超过 1,000 个的网络计算。',
    'classify.landscape.failed': '无法计算损失地形：{message}',
    'classify.landscape.chart': '所选优化器参数附近损失 J 的等高线图',
    'classify.landscape.lineChart': '从 θ₀ 到 θ* 的直线上的损失 J',
  },
};
