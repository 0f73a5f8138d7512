// The chapter's experiments (chapter 3 of 《深度学习详解》) as one-click presets. A preset is just a
// link; its caption says what to look at. Racer colours in captions follow components/racerColors.ts
// (1 red, 2 white, 3 orange).
import type { Preset } from '../components/PresetBar';

export const PRESETS: Preset[] = [
  {
    id: 'chapter',
    link: '',
    title: { en: 'Error surface: GD vs AdaGrad', zh: '误差曲面：GD 与 AdaGrad' },
    caption: {
      en: 'The chapter’s convex error surface L(b, w). Red: plain gradient descent (η = 1e-7) drops down the steep w direction, then crawls along the flat valley in b. White: the book’s AdaGrad (η = 1) runs down the valley but, from about update 700, bursts out vertically again and again. Orange: the same AdaGrad with η_t = η/√(t+1) runs smoothly along the valley towards the minimum ★ (it gets there by about update 100,000: see “AdaGrad + decay”). Watch the map and the η_t/σ charts.',
      zh: '本章的凸误差曲面 L(b, w)。红色：普通梯度下降（η = 1e-7）先沿陡峭的 w 方向迅速下降，然后在平坦的 b 方向上缓慢爬行。白色：课本形式的 AdaGrad（η = 1）顺着山谷前进，但从大约第 700 次更新起反复在竖直方向“爆炸”。橙色：同样的 AdaGrad 加上 η_t = η/√(t+1) 的衰减，沿着山谷平稳地向最小值 ★ 前进（大约在第 100,000 次更新时到达，见“AdaGrad + 衰减”）。请观察地图和 η_t/σ 图表。',
    },
  },
  {
    id: 'gd-crawl',
    link: 'r=gd(lr:1e-7)&steps=100000&speed=1000',
    title: { en: 'GD crawls', zh: 'GD 缓慢爬行' },
    caption: {
      en: 'Plain gradient descent, η = 1e-7, 100,000 updates: a fast drop down the steep w direction, then a crawl along the flat b direction. It ends near (−123.7, 2.48), still far from the minimum ★ at (−188.4, 2.67): one rate cannot suit both directions.',
      zh: '普通梯度下降，η = 1e-7，更新 100,000 次：先沿陡峭的 w 方向快速下降，再沿平坦的 b 方向缓慢爬行。最终停在 (−123.7, 2.48) 附近，离最小值 ★ (−188.4, 2.67) 仍很远：一个学习率无法同时适合两个方向。',
    },
  },
  {
    id: 'gd-oscillation',
    link: 'r=gd(lr:1.1e-6)&r=gd(lr:1.2e-6)&steps=2000&speed=5',
    title: { en: 'GD oscillates', zh: 'GD 振荡' },
    caption: {
      en: 'GD is stable here only for η < 2/λmax ≈ 1.145e-6. Red (η = 1.1e-6) swings from wall to wall in w for about a hundred updates, then creeps along b. White (η = 1.2e-6) swings wider each time and diverges at step 181. Honest note: the book’s η = 0.01 diverges within a few steps on this exact loss; oscillation without divergence needs η ≈ 1.0e-6 … 1.14e-6.',
      zh: '在这个曲面上，只有 η < 2/λmax ≈ 1.145e-6 时梯度下降才稳定。红色（η = 1.1e-6）先在 w 方向的两壁之间来回摆动约一百次更新，再沿 b 缓慢前进。白色（η = 1.2e-6）摆动越来越大，在第 181 步发散。说明：课本中的 η = 0.01 在这个损失上几步之内就会发散；要出现振荡而不发散，η 需在 1.0e-6 … 1.14e-6 之间。',
    },
  },
  {
    id: 'adagrad-bursts',
    link: 'r=adagrad(lr:1,variant:book)&steps=100000&speed=500',
    title: { en: 'AdaGrad bursts', zh: 'AdaGrad 爆炸' },
    caption: {
      en: 'The book’s AdaGrad, η = 1: it reaches the valley in about 16 steps and runs along it; from about update 712 (b ≈ −167) it shoots out vertically again and again (w between about −1.4 and 6.6). Along the flat stretch the w gradients are tiny, so σ for w shrinks and the step η/σ grows until it shoots out; then σ grows back. Watch η_t/σ for w.',
      zh: '课本形式的 AdaGrad，η = 1：约 16 步到达山谷并沿谷底前进；从大约第 712 次更新（b ≈ −167）起，它一次又一次在竖直方向冲出去（w 在约 −1.4 到 6.6 之间摆动）。在平坦段上 w 方向的梯度很小，σ 随之变小，步长 η/σ 变大直到冲出去；之后 σ 又变大。请观察 w 的 η_t/σ。',
    },
  },
  {
    id: 'adagrad-decay',
    link: 'r=adagrad(lr:1,variant:book)&r=adagrad(lr:1,variant:book,sched:invsqrt)&steps=100000&speed=500',
    title: { en: 'AdaGrad + decay', zh: 'AdaGrad + 衰减' },
    caption: {
      en: 'Learning-rate decay η_t = η/√(t+1) (white) against the same AdaGrad without it (red): the bursts are gone, and it ends near (−188.37, 2.669), at the minimum ★. Compare the η_t chart and η_t/σ for w.',
      zh: '学习率衰减 η_t = η/√(t+1)（白色）与不衰减的同一 AdaGrad（红色）对比：爆炸消失了，最终停在 (−188.37, 2.669) 附近，即最小值 ★ 处。请对比 η_t 图表和 w 的 η_t/σ。',
    },
  },
  {
    id: 'stall',
    link: 'surface=ellipse&start=1.51,-1.49&r=gd(lr:0.0199)&steps=300&speed=1',
    title: { en: 'Stuck, gradient not small', zh: '训练停滞，梯度却不小' },
    caption: {
      en: 'Training stalls although the gradient is not small (§1). Gradient descent with η just below the stability limit 2/100 bounces between the walls of a narrow valley. Untick “log” on the loss chart: the loss is flat near 0 after about 100 updates, while the gradient norm still lies between 0.6 and 0.1.',
      zh: '训练停滞，但梯度并不小（第 1 节）。学习率略低于稳定上限 2/100 的梯度下降在狭窄山谷的两壁之间来回弹跳。取消损失图上的“对数”：约 100 次更新后损失已平坦地贴近 0，而梯度范数仍在 0.6 到 0.1 之间。',
    },
  },
  {
    id: 'momentum-schedule',
    link: 'surface=rosenbrock&r=sgd(lr:0.001,momentum:0.9,sched:step,step_size:100,gamma:0.1)&r=sgd(lr:0.001,momentum:0.9,variant:book,sched:step,step_size:100,gamma:0.1)&steps=500&speed=2',
    title: { en: 'Momentum: book vs torch', zh: '动量：课本与 PyTorch' },
    caption: {
      en: 'Two momentum forms, identical while η is constant. At update 100 the step schedule cuts η tenfold: PyTorch’s form (red, θ −= η_t·b) slows at once, because the new η multiplies all of b; the book’s form (white, m = λm − η_t g) keeps the velocity built with the old η and coasts further along the valley. Compare the paths after step 100.',
      zh: '两种动量写法，在 η 不变时完全相同。第 100 次更新时阶梯调度把 η 缩小为十分之一：PyTorch 的写法（红色，θ −= η_t·b）立刻变慢，因为新的 η 乘在整个 b 上；课本的写法（白色，m = λm − η_t g）保留了用旧 η 积累的速度，沿山谷继续滑得更远。请对比第 100 步之后的路径。',
    },
  },
  {
    id: 'rmsprop-brake',
    link: 'surface=custom&expr=-0.1*x-2*tanh(4*(x-1))+y^2&view=-2,8,-1.5,1.5&start=-1.5,0.8&r=adagrad(lr:0.05,variant:book)&r=rmsprop(lr:0.05,alpha:0.9,variant:book)&steps=200&speed=1',
    title: { en: 'RMSProp brakes', zh: 'RMSProp 刹车' },
    caption: {
      en: 'A flat stretch, a steep cliff at x = 1, then flat again (the book’s RMSProp picture). On the cliff RMSProp (white, α = 0.9) brakes at once, because σ follows the newest gradients; AdaGrad (red) averages over all past gradients, reacts slowly and jumps across. On the flat stretch after it, RMSProp forgets the cliff and speeds up again, while AdaGrad still remembers it and crawls. Watch η_t/σ for x.',
      zh: '先是平坦段，x = 1 处是陡峭的悬崖，之后又是平坦段（课本中 RMSProp 的示意图）。在悬崖上 RMSProp（白色，α = 0.9）立刻刹车，因为 σ 跟随最新的梯度；AdaGrad（红色）对所有历史梯度取平均，反应很慢，直接跳过悬崖。之后的平坦段上，RMSProp 很快“忘记”悬崖重新加速，而 AdaGrad 仍记着它，只能慢慢爬。请观察 x 的 η_t/σ。',
    },
  },
  {
    id: 'saddle',
    link: 'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=adam(lr:0.02)&show=crit&steps=2000&speed=5',
    title: { en: 'Saddle point', zh: '鞍点' },
    caption: {
      en: 'L(w1, w2) = (1 − w1·w2)², the chapter’s tiny network. From a start on the line w1 = −w2 both racers slide into the saddle point at the origin (✕) and stay there: the gradient is 0, but it is not a minimum. Click the origin: the Hessian has eigenvalues −2 and 2; press “step along the escape direction” to restart along u = (1, 1)/√2, and watch them reach the curve of minima w1·w2 = 1.',
      zh: 'L(w1, w2) = (1 − w1·w2)²，本章中的小网络。从直线 w1 = −w2 上出发，两个优化器都滑进原点处的鞍点（✕）并停在那里：梯度为 0，但它不是最小值。点击原点：海森矩阵的特征值为 −2 和 2；按“沿逃离方向走一步”，从 u = (1, 1)/√2 方向重新出发，就能看到它们到达最小值曲线 w1·w2 = 1。',
    },
  },
  {
    id: 'cross-entropy',
    link: 'surface=book-ce&r=gd(lr:1)&r=adam(lr:0.1)&steps=500&speed=2',
    title: { en: 'Cross-entropy surface', zh: '交叉熵曲面' },
    caption: {
      en: 'Three classes, label (1, 0, 0), outputs y1, y2 (y3 = −1000). From (−6.5, 5.5) the cross-entropy is 12 with gradient norm ≈ 1.41, so gradient descent (red) gets going at once; Adam (white) follows. Compare with the MSE preset.',
      zh: '三个类别，标签为 (1, 0, 0)，输出 y1、y2 可变（y3 = −1000）。在 (−6.5, 5.5) 处交叉熵为 12，梯度范数约 1.41，所以梯度下降（红色）立刻开始移动；Adam（白色）随后跟上。请与 MSE 预设对比。',
    },
  },
  {
    id: 'mse',
    link: 'surface=book-mse&r=gd(lr:1)&r=adam(lr:0.1)&steps=500&speed=2',
    title: { en: 'MSE surface', zh: '均方误差曲面' },
    caption: {
      en: 'The same outputs with squared error: at (−6.5, 5.5) the loss is 2.0 but the gradient norm is only ≈ 3.5e-5, so gradient descent (red) is stuck on the plateau. Adam (white) divides by σ, so its steps do not shrink with the gradient: it escapes slowly at first. Changing the loss changes how hard the optimization is.',
      zh: '同样的输出，改用均方误差：在 (−6.5, 5.5) 处损失为 2.0，梯度范数却只有约 3.5e-5，梯度下降（红色）卡在平台上。Adam（白色）除以 σ，步长不随梯度变小，开始时缓慢地逃了出来。换一个损失函数，优化的难度就不同了。',
    },
  },
  {
    id: 'warmup',
    link: 'surface=rosenbrock&r=adam(lr:0.1)&r=adam(lr:0.1,warmup:200)&r=adam(lr:20,sched:noam,d_model:64,warmup_steps:200)&steps=1000&speed=5',
    title: { en: 'Warmup and Noam', zh: '预热与 Noam' },
    caption: {
      en: 'Warmup: η_t first rises, then holds or falls. Red: Adam at a constant η = 0.1 takes full-size steps while σ still rests on a few gradients. White: the same with a linear warmup over 200 updates. Orange: the Transformer’s schedule η_t = η0·d^−0.5·min((t+1)^−0.5, (t+1)·warmup^−1.5), here d = 64, warmup 200. Watch the η_t chart and the first steps of the paths.',
      zh: '预热：η_t 先上升，再保持或下降。红色：恒定 η = 0.1 的 Adam，在 σ 只基于少数梯度时就迈出全尺寸的步子。白色：同样的 Adam 加上 200 次更新的线性预热。橙色：Transformer 的调度 η_t = η0·d^−0.5·min((t+1)^−0.5, (t+1)·warmup^−1.5)，这里 d = 64、warmup = 200。请观察 η_t 图表和路径的最初几步。',
    },
  },
  // §3.2: batch size, noise and momentum. Mini-batches and noise are drawn from the link's seed.
  {
    id: 'batch-size',
    link: 'r=adam(lr:0.3,batch:1)&r=adam(lr:0.3)&steps=5000&speed=10',
    title: { en: 'Full batch vs batch 1', zh: '全批量与批量 1' },
    caption: {
      en: 'The course’s picture on the chapter’s error surface. White: Adam (η = 0.3) with the full batch, all 10 data points in every update: a smooth path down the steep w direction and along the valley, settling at the minimum ★ by about update 4,000. Red: the same Adam with batch 1: each update sees one data point, scaled by 10, so one pass over the data (an epoch) takes 10 updates. Its path zigzags (w swings between about 2.1 and 3.3), its loss jumps up and down, and with a constant η it never settles: from about update 3,000 it wanders around the minimum (b between about −198 and −177). Compare |∇f| with the norm of the gradient used; “New draw” gives other mini-batches.',
      zh: '课程中的示意图，画在本章的误差曲面上。白色：使用全批量的 Adam（η = 0.3），每次更新都用全部 10 个数据点：路径平滑，先沿陡峭的 w 方向下降，再沿山谷前进，大约在第 4,000 次更新时停在最小值 ★ 处。红色：同样的 Adam，批量为 1：每次更新只看一个数据点（乘以 10），所以把数据看一遍（一个回合）需要 10 次更新。它的路径曲折（w 在约 2.1 到 3.3 之间摆动），损失忽高忽低，而且学习率恒定时它永远停不下来：大约从第 3,000 次更新起，它在最小值附近徘徊（b 在约 −198 到 −177 之间）。请对比 |∇f| 与所用梯度的范数；按“重新抽样”可换一组小批量。',
    },
  },
  {
    id: 'noise-saddle',
    link: 'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=gd(lr:0.05,noise:0.01)&show=crit&steps=1000&speed=2',
    title: { en: 'Noise escapes the saddle', zh: '噪声帮助逃离鞍点' },
    caption: {
      en: 'L(w1, w2) = (1 − w1·w2)², started exactly on the line w1 = −w2: the stable axis of the saddle point at the origin (✕), along the Hessian’s eigenvector (1, −1) with eigenvalue 2. Red: plain gradient descent (η = 0.05) slides along it into the saddle and stays there with loss 1, because its gradient points along that line. White: the same descent with gradient noise σ = 0.01 follows it to within about 0.03 of the saddle (near update 35); then the noise pushes it off the axis, the escape direction ±(1, 1) (eigenvalue −2) takes over, and by about update 90 its loss is below 0.01 at the curve of minima w1·w2 = 1, where the small noise only jiggles it. Noisy small-batch updates escape saddle points the same way.',
      zh: 'L(w1, w2) = (1 − w1·w2)²，起点恰好在直线 w1 = −w2 上：这是原点处鞍点（✕）的稳定方向，即海森矩阵特征值为 2 的特征向量 (1, −1)。红色：普通梯度下降（η = 0.05）沿这条直线滑进鞍点并停在那里，损失为 1，因为它的梯度始终沿着这条直线。白色：同样的梯度下降加上 σ = 0.01 的梯度噪声，先跟着滑到离鞍点约 0.03 的地方（约第 35 次更新）；随后噪声把它推离稳定方向，逃离方向 ±(1, 1)（特征值 −2）接管，大约在第 90 次更新时损失已低于 0.01，到达最小值曲线 w1·w2 = 1，小噪声只让它在那里轻微抖动。小批量带噪声的更新正是这样逃离鞍点的。',
    },
  },
  {
    id: 'momentum-bump',
    link: 'surface=two-wells&start=1.7,0.2&r=gd(lr:0.01)&r=momentum(lr:0.01)&show=m&steps=300&speed=1',
    title: { en: 'Momentum rolls over a bump', zh: '动量越过小坡' },
    caption: {
      en: 'Two wells: a shallow one at (0.905, 0), a deeper one at (−0.936, 0), and a bump between them around x = 0. Both racers start at (1.7, 0.2) with η = 0.01. Red: plain gradient descent slides into the nearer, shallower well and stops there, at a local minimum (f ≈ −1.09). White: with momentum 0.9, m_t is a weighted sum of all past gradients, so the speed gathered on the way down carries it through that well and over the bump (it crosses x = 0 at update 15) into the deeper well (f ≈ −2.06). The dashed arrows show −m_t.',
      zh: '两个坑：(0.905, 0) 处较浅，(−0.936, 0) 处较深，两者之间在 x = 0 附近有一个小坡。两个优化器都从 (1.7, 0.2) 出发，η = 0.01。红色：普通梯度下降滑进较近、较浅的坑，停在那里的局部最小值（f ≈ −1.09）。白色：动量为 0.9 时，m_t 是过去所有梯度的加权和，下坡时积累的速度带着它穿过这个坑、越过小坡（在第 15 次更新时越过 x = 0），落入更深的坑（f ≈ −2.06）。虚线箭头表示 −m_t。',
    },
  },
];
