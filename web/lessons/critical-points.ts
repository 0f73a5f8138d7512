// Lesson 1: critical points (chapter-notes.md §4, §6): where the gradient is zero, how the Hessian
// tells a saddle point from a minimum, and how to escape along a negative eigenvector; then the
// same on a real network (its exact Hessian) and the lecture's minimum-ratio figure.
import type { Lesson, PanelMoves } from './format';

// The "Saddle or minimum?" preset of the classification page: a network that stalls on a plateau.
const STALL = 'mode=classify&data=circle&net=3&act=sigmoid&batch=500&seed=2&r=gd(lr:0.1)';
const TO_SADDLE: PanelMoves = { at: 300, critical: true };
const ESCAPED: PanelMoves = { at: 300, critical: true, escape: 1 };

export const criticalPoints: Lesson = {
  name: 'critical-points',
  title: { en: 'Critical points: saddles and minima', zh: '临界点：鞍点与局部最小值' },
  summary: {
    en: 'Where the gradient is zero, what the Hessian says about the point, and how to escape a saddle point, on surfaces and on a real network.',
    zh: '梯度为零的地方、海森矩阵如何判断这个点，以及如何逃离鞍点：在曲面上，也在真实的网络上。',
  },
  steps: [
    {
      link: 'surface=book-saddle&show=crit&start=-1.2,1.5&r=gd(lr:0.1)&steps=300&speed=1',
      title: { en: 'Where the gradient is zero', zh: '梯度为零的地方' },
      text: {
        en: 'The chapter’s tiny network y = w1·w2·x, trained on one example (x = 1, label ŷ = 1), has the error surface L(w1, w2) = (1 − w1·w2)². Training stops wherever the gradient is zero: these points are critical points. The map marks them: ✕ the saddle point at the origin, ◆ points of the curve w1·w2 = 1, where L = 0. Press Play: gradient descent (red, η = 0.1) rolls from ◎ down to that curve; after 300 updates its loss is 0 up to rounding.',
        zh: '本章的小网络 y = w1·w2·x 只用一个训练样本（x = 1，标签 ŷ = 1），误差曲面为 L(w1, w2) = (1 − w1·w2)²。梯度为零的地方训练就会停下，这些点叫作临界点。地图上标出了它们：原点处的 ✕ 是鞍点，◆ 是曲线 w1·w2 = 1 上的点，那里 L = 0。按“播放”：梯度下降（红色，η = 0.1）从 ◎ 滚到这条曲线上；更新 300 次后，损失在舍入误差内为 0。',
      },
      claims: [{ racer: 0, after: 300, quantity: 'loss', value: 0, tolerance: 1e-12 }],
    },
    {
      link: 'surface=book-saddle&show=crit&start=0.8,-0.8&r=gd(lr:0.05)&steps=500&speed=2',
      title: { en: 'Stuck, but not at a minimum', zh: '停下了，却不在最小值' },
      text: {
        en: 'Now gradient descent (η = 0.05) starts at ◎ = (0.8, −0.8), on the line w1 = −w2. Predict where it stops, then run it and read the loss chart.',
        zh: '现在梯度下降（η = 0.05）从 ◎ = (0.8, −0.8) 出发，它在直线 w1 = −w2 上。先预测它停在哪里，再运行，并看一看损失图。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Where will gradient descent be after 500 updates?',
          zh: '更新 500 次后，梯度下降会在哪里？',
        },
        options: [
          {
            text: { en: 'At the origin, the saddle point ✕', zh: '在原点，即鞍点 ✕' },
            when: { racer: 0, near: [0, 0], within: 0.01 },
            why: {
              en: 'On the line w1 = −w2 the gradient points along the line, straight at the origin, so gradient descent slides into the saddle point and stops: there the gradient is 0, yet L = 1, far above the lowest value 0. A zero gradient alone does not mean a minimum.',
              zh: '在直线 w1 = −w2 上，梯度沿着这条直线指向原点，于是梯度下降滑进鞍点并停下：那里梯度为 0，但 L = 1，远高于最低值 0。梯度为零并不意味着到了最小值。',
            },
          },
          {
            text: { en: 'On the curve w1·w2 = 1, where L = 0', zh: '在曲线 w1·w2 = 1 上，那里 L = 0' },
            when: { racer: 0, quantity: 'loss', below: 0.01 },
            why: {
              en: 'It reached the curve of minima: this run did not start exactly on the line w1 = −w2 (or its settings were changed), so it had a component along the escape direction.',
              zh: '它到达了最小值曲线：这次运行的起点不在直线 w1 = −w2 上（或设置被改过），所以它在逃离方向上有分量。',
            },
          },
          {
            text: { en: 'Nowhere: it diverges', zh: '哪里都不在：它发散了' },
            when: { racer: 0, diverged: true },
            why: {
              en: 'The learning rate was too large for this surface: the steps grew until the numbers overflowed.',
              zh: '学习率对这个曲面来说太大了：步长越来越大，直到数值溢出。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 500, quantity: 'loss', value: 1, tolerance: 1e-9 },
        { racer: 0, after: 500, quantity: 'gradNorm', value: 0, tolerance: 1e-9 },
      ],
    },
    {
      link: 'surface=book-saddle&show=crit&start=0.8,-0.8&r=gd(lr:0.05)&steps=500&speed=2',
      analyze: [0, 0],
      title: { en: 'What the Hessian says', zh: '海森矩阵告诉我们什么' },
      text: {
        en: 'Near a critical point θ′ the gradient term vanishes: L(θ) ≈ L(θ′) + ½(θ − θ′)ᵀH(θ − θ′), so the Hessian H decides. The panel shows it for the origin (click any point of the map for another): H = [[0, −2], [−2, 0]] with eigenvalues −2 and 2. All positive would be a local minimum, all negative a local maximum; mixed signs make a saddle point, here with L = 1. Along the eigenvector u = (1, 1)/√2 of λ = −2 the loss goes down (the dashed arrows); along (1, −1)/√2, where gradient descent came from, it goes up.',
        zh: '在临界点 θ′ 附近梯度项为零：L(θ) ≈ L(θ′) + ½(θ − θ′)ᵀH(θ − θ′)，所以由海森矩阵 H 决定。面板显示的是原点（点击地图上任一点可查看别处）：H = [[0, −2], [−2, 0]]，特征值为 −2 和 2。全为正是局部最小值，全为负是局部最大值；有正有负就是鞍点，这里 L = 1。沿特征值 λ = −2 的特征向量 u = (1, 1)/√2，损失下降（虚线箭头）；沿梯度下降来的方向 (1, −1)/√2，损失上升。',
      },
      claims: [
        { at: [0, 0], quantity: 'lambda1', value: -2, tolerance: 1e-12 },
        { at: [0, 0], quantity: 'lambda2', value: 2, tolerance: 1e-12 },
        { at: [0, 0], quantity: 'value', value: 1, tolerance: 1e-12 },
      ],
    },
    {
      link: 'surface=book-saddle&show=crit&start=0.8,-0.8&r=gd(lr:0.05)&steps=500&speed=2',
      title: { en: 'Escape along u', zh: '沿 u 逃离' },
      text: {
        en: 'Gradient descent left alone stays in the saddle point. Give it a push along u: drag the start ◎ (or click the saddle point and press “step along the escape direction”, which moves ◎ a little way along u).',
        zh: '任由梯度下降运行，它会停在鞍点。沿 u 推它一把：拖动起点 ◎（或点击鞍点，再按“沿逃离方向走一步”，它会把 ◎ 沿 u 挪一小段）。',
      },
      question: {
        kind: 'start',
        prompt: {
          en: 'Drag ◎ to a start from which gradient descent ends on the curve of minima (L below 0.01 after 500 updates), then run.',
          zh: '把 ◎ 拖到一个起点，使梯度下降最终到达最小值曲线（更新 500 次后 L 低于 0.01），然后运行。',
        },
        goal: { racer: 0, quantity: 'loss', below: 0.01 },
        reached: {
          en: 'It escaped. Off the line w1 = −w2 the start has a component along u, and near the saddle point that component grows by a factor 1 + 2η = 1.1 with every update, until gradient descent leaves towards the curve w1·w2 = 1.',
          zh: '它逃离了。起点不在直线 w1 = −w2 上时，它在 u 方向上有分量；在鞍点附近这个分量每次更新都放大 1 + 2η = 1.1 倍，直到梯度下降离开鞍点、走向曲线 w1·w2 = 1。',
        },
        missed: {
          en: 'It did not reach the curve. From a start on the line w1 = −w2 nothing pushes gradient descent along u, and it ends in the saddle point; from far away it may not arrive in time, or diverge. Move ◎ off that line, closer to the centre, and run again.',
          zh: '它没有到达曲线。起点在直线 w1 = −w2 上时，没有任何力量把梯度下降推向 u，它会停在鞍点；起点太远则可能来不及到达，甚至发散。把 ◎ 移离这条直线、靠近中间一些，再运行一次。',
        },
      },
    },
    {
      link: 'surface=book-saddle&show=crit&start=0.05,0.05&r=gd(lr:0.05)&steps=300&speed=1',
      analyze: [1, 1],
      title: { en: 'Down to a minimum', zh: '走到最小值' },
      text: {
        en: 'Started just off the saddle point along u, gradient descent runs along the line w1 = w2 and after 300 updates stands at (1, 1), where L = 0. The panel analyses that point: its Hessian has eigenvalues 0 and 4: 4 across the curve, 0 along it, because moving along the curve of minima does not change L. With an eigenvalue 0 the second-order test cannot decide (“degenerate”), but L = 0 is the lowest value L can take, so every point of the curve is a minimum.',
        zh: '从鞍点出发、沿 u 稍稍偏离，梯度下降沿直线 w1 = w2 前进，更新 300 次后停在 (1, 1)，那里 L = 0。面板分析了这个点：海森矩阵的特征值为 0 和 4：横穿曲线的方向是 4，沿曲线的方向是 0，因为沿着最小值曲线移动时 L 不变。有特征值为 0 时二阶判别无法下结论（“退化”），但 L = 0 已是 L 能取到的最低值，所以曲线上的每一点都是最小值。',
      },
      claims: [
        { racer: 0, after: 300, quantity: 'x', value: 1, tolerance: 1e-9 },
        { racer: 0, after: 300, quantity: 'y', value: 1, tolerance: 1e-9 },
        { at: [1, 1], quantity: 'lambda1', value: 0, tolerance: 1e-12 },
        { at: [1, 1], quantity: 'lambda2', value: 4, tolerance: 1e-12 },
      ],
    },
    {
      link: 'surface=saddle&show=crit&r=gd(lr:0.01)&steps=300&speed=1',
      analyze: [0, 0],
      title: { en: 'A saddle point that opens downhill', zh: '向下敞开的鞍点' },
      text: {
        en: 'The simplest saddle point: f = x² − y², with Hessian eigenvalues 2 along x and −2 along y. Gradient descent (η = 0.01) starts at (−1.8, 0.01), almost on the x axis, where the slope leads straight to the saddle point.',
        zh: '最简单的鞍点：f = x² − y²，海森矩阵沿 x 的特征值为 2，沿 y 的为 −2。梯度下降（η = 0.01）从几乎位于 x 轴上的 (−1.8, 0.01) 出发，那里的坡度直指鞍点。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Where will it be after 300 updates?', zh: '更新 300 次后它会在哪里？' },
        options: [
          {
            text: { en: 'Stopped at the saddle point (0, 0)', zh: '停在鞍点 (0, 0)' },
            when: { racer: 0, near: [0, 0], within: 0.05 },
            why: {
              en: 'It stayed at the saddle point: with a start exactly on the x axis (y = 0) nothing moves it along y.',
              zh: '它停在了鞍点：起点恰好在 x 轴上（y = 0）时，没有任何东西让它沿 y 移动。',
            },
          },
          {
            text: { en: 'Past the saddle point and off the map along y', zh: '越过鞍点，沿 y 离开地图' },
            when: { racer: 0, quantity: 'loss', below: -4 },
            why: {
              en: 'Along x the eigenvalue is 2 and gradient descent comes in towards the saddle point; along y it is −2, and the offset 0.01 grows by 1 + 2η = 1.02 with every update. After passing close to the saddle point it leaves along y: at update 300 it is at y = 3.80, off the map. The smallest nudge along a negative eigenvector is enough to escape.',
              zh: '沿 x 的特征值为 2，梯度下降朝鞍点靠近；沿 y 的特征值为 −2，偏移量 0.01 每次更新放大 1 + 2η = 1.02 倍。它从鞍点近旁经过后沿 y 离开：第 300 次更新时 y = 3.80，已在地图之外。沿负特征值的特征向量轻轻一推，就足以逃离。',
            },
          },
          {
            text: { en: 'It diverges', zh: '它发散了' },
            when: { racer: 0, diverged: true },
            why: {
              en: 'f = x² − y² has no lowest value: going down along y, the numbers eventually overflow.',
              zh: 'f = x² − y² 没有最小值：沿 y 一路向下，数值最终溢出。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 300, quantity: 'y', value: 3.8023, tolerance: 0.001 },
        { at: [0, 0], quantity: 'lambda1', value: -2, tolerance: 1e-12 },
        { at: [0, 0], quantity: 'lambda2', value: 2, tolerance: 1e-12 },
      ],
    },
    {
      link: 'surface=himmelblau&show=crit&r=gd(lr:0.01)&steps=1000&speed=5',
      title: { en: 'Many critical points', zh: '许多临界点' },
      text: {
        en: 'Himmelblau’s function has four minima (all with f = 0), one local maximum (f = 181.6 near (−0.27, −0.92)) and four saddle points. From the origin, gradient descent (η = 0.01) reaches the minimum at (3, 2) within 1,000 updates.',
        zh: 'himmelblau 函数有四个最小值（f 都为 0）、一个局部最大值（在 (−0.27, −0.92) 附近，f = 181.6）和四个鞍点。梯度下降（η = 0.01）从原点出发，1,000 次更新内到达最小值 (3, 2)。',
      },
      question: {
        kind: 'start',
        prompt: {
          en: 'Drag ◎ so that gradient descent ends in the minimum near (−2.81, 3.13) instead, then run.',
          zh: '拖动 ◎，让梯度下降改为停在 (−2.81, 3.13) 附近的最小值，然后运行。',
        },
        goal: { racer: 0, near: [-2.805, 3.131], within: 0.01 },
        reached: {
          en: 'It found that minimum. Each minimum collects the starts of its own basin, and the borders between basins run through the saddle points ✕.',
          zh: '它找到了这个最小值。每个最小值收集自己“盆地”里的起点，盆地之间的边界穿过鞍点 ✕。',
        },
        missed: {
          en: 'It ended elsewhere (the numbers below say where). The borders between basins run through the saddle points ✕: try a start left of x = 0 and above y = 0.',
          zh: '它停在了别处（下面的数字说明在哪里）。盆地之间的边界穿过鞍点 ✕：试试 x = 0 左侧、y = 0 上方的起点。',
        },
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: 3, tolerance: 1e-6 },
        { racer: 0, after: 1000, quantity: 'y', value: 2, tolerance: 1e-6 },
        { at: [-0.27084, -0.92304], quantity: 'value', value: 181.617, tolerance: 0.05 },
      ],
    },
    {
      link: 'surface=monkey-saddle&show=crit&r=gd(lr:0.01)&steps=1000&speed=1',
      analyze: [0, 0],
      title: { en: 'When the Hessian cannot tell', zh: '海森矩阵也无法判断时' },
      text: {
        en: 'The monkey saddle f = x³ − 3xy²: three valleys meet at the origin. There the gradient and the whole Hessian are 0 (eigenvalues 0 and 0), the quadratic approximation is flat and the point is called degenerate: only higher-order terms show it is neither a minimum nor a maximum. From (1, 0.5) gradient descent slides down a valley that never ends and diverges at step 46. The chapter counts the signs of the eigenvalues at critical points: minimum ratio = (number of positive eigenvalues)/(number of eigenvalues). With two parameters it can only be 0/2, 1/2 (a saddle point) or 2/2 (a minimum); networks have thousands of parameters, and the chapter finds that their critical points are mostly saddle points, with some directions still going down.',
        zh: '“猴鞍面” f = x³ − 3xy²：三条山谷在原点相会。那里梯度和整个海森矩阵都为 0（特征值为 0 和 0），二次近似是平的，这个点称为退化的：只有更高阶的项才能说明它既不是最小值也不是最大值。梯度下降从 (1, 0.5) 出发，滑进一条没有尽头的山谷，在第 46 步发散。本章统计临界点处特征值的正负：最小值比例 =（正特征值的个数）/（特征值的个数）。只有两个参数时它只能是 0/2、1/2（鞍点）或 2/2（最小值）；网络有成千上万个参数，本章发现它们的临界点大多是鞍点，仍有一些方向可以继续下降。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'divergedAt', value: 46, tolerance: 0 },
        { at: [0, 0], quantity: 'lambda1', value: 0, tolerance: 1e-12 },
        { at: [0, 0], quantity: 'lambda2', value: 0, tolerance: 1e-12 },
      ],
    },
    {
      link: `${STALL}&epochs=300`,
      panels: ['critical'],
      title: { en: 'A real network stalls', zh: '真实的网络停滞了' },
      text: {
        en: 'Now a real network: 3 sigmoid units on the circle data, 17 parameters, trained by plain gradient descent (η = 0.1) on the full batch of 250 training points. Press Play: the learning curve is flat from about epoch 10 on, and at epoch 300 the training loss is still 0.683, near ln 2 = 0.693, the loss of a coin toss. The Critical point panel below shows the network’s exact 17 × 17 Hessian at its current weights and its eigenvalues.',
        zh: '现在换成真实的网络：3 个 Sigmoid 神经元，圆形数据，17 个参数，用普通梯度下降（η = 0.1）在全部 250 个训练点上训练（全批量）。按“播放”：大约从第 10 个回合起学习曲线就平了，到第 300 个回合训练损失仍是 0.683，接近 ln 2 = 0.693，即抛硬币的损失。下方的“临界点”面板显示网络在当前参数处精确的 17 × 17 海森矩阵及其特征值。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Training has stalled. At epoch 300, are any eigenvalues of the Hessian negative (directions in which the loss still curves down)?',
          zh: '训练停滞了。到第 300 个回合时，海森矩阵有没有负特征值（损失仍向下弯曲的方向）？',
        },
        options: [
          {
            text: { en: 'Yes: some directions still curve down', zh: '有：一些方向仍向下弯曲' },
            when: { analysis: 'negative', above: 0 },
            why: {
              en: '4 of the 17 eigenvalues are negative, so this is no minimum. ‖∇J‖ = 0.014 is small but not 0: the point is not even critical, just very flat. λ_max·η_t = 0.086 is far below 2, gradient descent’s stability limit: the steps are not too large, the surface is nearly flat here.',
              zh: '17 个特征值中有 4 个为负，所以这里不是最小值。‖∇J‖ = 0.014 很小但不为 0：这个点甚至还不是临界点，只是非常平坦。λ_max·η_t = 0.086，远低于梯度下降的稳定上限 2：步子并不太大，只是这里的曲面几乎是平的。',
            },
          },
          {
            text: { en: 'No: every direction curves up or is flat', zh: '没有：每个方向都向上弯曲或是平的' },
            when: { analysis: 'negative', below: 1 },
            why: {
              en: 'With the settings of this run no eigenvalue is negative where training ended: no direction curves down there.',
              zh: '在这次运行的设置下，训练停下的地方没有负特征值：那里没有向下弯曲的方向。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 300, quantity: 'trainLoss', value: 0.6827, tolerance: 0.0005 },
        { after: 300, analysis: 'negative', value: 4, tolerance: 0 },
        { after: 300, analysis: 'gradientNorm', value: 0.01365, tolerance: 0.0005 },
        { after: 300, analysis: 'lambdaMaxLr', value: 0.0862, tolerance: 0.0005 },
      ],
    },
    {
      link: `${STALL}&epochs=300`,
      panels: ['critical'],
      title: { en: 'The lecture’s way to a critical point', zh: '课程中走到临界点的方法' },
      text: {
        en: 'To learn what kind of point training is stuck near, the lecture goes on to where the gradient really is zero: it minimises ‖∇J‖² (then takes Newton steps) until ‖∇J‖ is below 1e-6, and reads the Hessian there. In the panel that is “Go to the critical point”; Run below trains to epoch 300 and then presses it.',
        zh: '为了弄清训练卡在什么样的点附近，课程接着走到梯度真正为零的地方：最小化 ‖∇J‖²（最后用牛顿步），直到 ‖∇J‖ 小于 1e-6，再看那里的海森矩阵。面板中的“走到临界点”就是这样做的；下面的“运行”会先训练到第 300 个回合，再按下它。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What kind of critical point will it reach?', zh: '它会到达哪一种临界点？' },
        moves: TO_SADDLE,
        options: [
          {
            text: { en: 'A local minimum: every eigenvalue positive', zh: '局部最小值：所有特征值都为正' },
            when: { kind: 'minimum' },
            why: {
              en: 'With the settings of this run the search ended in a local minimum: every direction curves up.',
              zh: '在这次运行的设置下，搜索停在一个局部最小值：每个方向都向上弯曲。',
            },
          },
          {
            text: {
              en: 'A saddle point: some eigenvalues negative, some positive',
              zh: '鞍点：有负特征值，也有正特征值',
            },
            when: { kind: 'saddle' },
            why: {
              en: 'J = 0.690 there: 3 eigenvalues are negative and only 4 positive, so the minimum ratio is 4/17 ≈ 0.235; the other 10 are flat. Here the network gives every point the same answer, the share of each class in the training data: its two outputs have equal weights, so the hidden units change nothing. As at the origin of (1 − w1·w2)², changing input or output weights alone does nothing at first, changing them together lowers J.',
              zh: '那里 J = 0.690：3 个特征值为负，只有 4 个为正，所以最小值比例为 4/17 ≈ 0.235；其余 10 个是平的。此时网络对每个点都给出同一个答案，即训练数据中各类所占的比例：它的两个输出的权重相同，隐藏神经元不起任何作用。就像 (1 − w1·w2)² 的原点：单独改变输入权重或输出权重，起初都不起作用；一起改变，J 就会下降。',
            },
          },
          {
            text: {
              en: 'A degenerate point: no negative eigenvalue, but flat directions',
              zh: '退化点：没有负特征值，但有平坦的方向',
            },
            when: { kind: 'degenerate' },
            why: {
              en: 'With the settings of this run the search ended where no direction curves down but some are flat: the second-order test cannot decide.',
              zh: '在这次运行的设置下，搜索停在没有方向向下弯曲、但有平坦方向的地方：二阶判别无法下结论。',
            },
          },
          {
            text: {
              en: 'None: the search stalls before the gradient is zero',
              zh: '都不是：梯度变为零之前搜索就停滞了',
            },
            when: { kind: 'not-critical' },
            why: {
              en: 'With the settings of this run the search stalled with ‖∇J‖ above 1e-6: it found no critical point nearby.',
              zh: '在这次运行的设置下，搜索停滞时 ‖∇J‖ 仍大于 1e-6：附近没有找到临界点。',
            },
          },
        ],
      },
      claims: [
        { after: 300, moves: TO_SADDLE, kind: 'saddle' },
        { after: 300, moves: TO_SADDLE, analysis: 'objective', value: 0.68994, tolerance: 0.0005 },
        { after: 300, moves: TO_SADDLE, analysis: 'negative', value: 3, tolerance: 0 },
        { after: 300, moves: TO_SADDLE, analysis: 'minimumRatio', value: 4 / 17, tolerance: 1e-12 },
      ],
    },
    {
      link: `${STALL}&epochs=600`,
      panels: ['critical'],
      title: { en: 'Escape along u, on the network', zh: '在网络上沿 u 逃离' },
      text: {
        en: 'As on the surface, u is the eigenvector of the most negative eigenvalue. At the saddle point the panel tries a step of s = 1 along it: J(θ) = 0.690, J(θ + s·u) = 0.673, J(θ − s·u) = 0.679, lower on both sides, as a negative eigenvalue says. This step stops at epoch 600; left alone, gradient descent is still on the plateau then, with training loss 0.674 and training accuracy 49.2%.',
        zh: '和曲面上一样，u 是最负特征值的特征向量。在鞍点处，面板沿它试走一步 s = 1：J(θ) = 0.690，J(θ + s·u) = 0.673，J(θ − s·u) = 0.679，两边都更低，正如负特征值所说明的。这一步训练到第 600 个回合停止；不加干预时，梯度下降那时仍在平台上，训练损失 0.674，训练准确率 49.2%。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Run trains to epoch 300, goes to the critical point, steps to θ + s·u and trains on to epoch 600. Where will the training loss be then?',
          zh: '“运行”会训练到第 300 个回合，走到临界点，移到 θ + s·u，再继续训练到第 600 个回合。那时训练损失会是多少？',
        },
        moves: ESCAPED,
        options: [
          {
            text: { en: 'Below 0.6: off the plateau', zh: '低于 0.6：离开了平台' },
            when: { racer: 0, quantity: 'trainLoss', below: 0.6 },
            why: {
              en: 'One step along u put the network where the loss goes down, and gradient descent did the rest: training loss 0.568 and training accuracy 83.2% at epoch 600, against 0.674 and 49.2% without the escape. The learning curve shows the jump at epoch 300.',
              zh: '沿 u 走一步，就把网络带到了损失下降的地方，剩下的交给梯度下降：第 600 个回合时训练损失 0.568，训练准确率 83.2%；不逃离时是 0.674 和 49.2%。学习曲线在第 300 个回合处有一个跳变。',
            },
          },
          {
            text: { en: 'Above 0.6: still on the plateau', zh: '高于 0.6：仍在平台上' },
            when: { racer: 0, quantity: 'trainLoss', above: 0.6 },
            why: {
              en: 'With the settings of this run the step along u was not enough to leave the plateau by epoch 600.',
              zh: '在这次运行的设置下，沿 u 的这一步不足以让它在第 600 个回合前离开平台。',
            },
          },
        ],
      },
      claims: [
        { after: 300, moves: TO_SADDLE, analysis: 'objective', value: 0.68994, tolerance: 0.0005 },
        { after: 300, moves: TO_SADDLE, analysis: 'escapePlus', value: 0.67275, tolerance: 0.0005 },
        { after: 300, moves: TO_SADDLE, analysis: 'escapeMinus', value: 0.67904, tolerance: 0.0005 },
        { racer: 0, after: 600, quantity: 'trainLoss', value: 0.6742, tolerance: 0.0005 },
        { racer: 0, after: 600, quantity: 'trainAcc', value: 0.492, tolerance: 0.0005 },
        { racer: 0, after: 600, moves: ESCAPED, quantity: 'trainLoss', value: 0.568, tolerance: 0.0005 },
        { racer: 0, after: 600, moves: ESCAPED, quantity: 'trainAcc', value: 0.832, tolerance: 0.0005 },
      ],
    },
    {
      link: 'mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&seed=1',
      panels: ['critical'],
      title: { en: 'The lecture’s minimum-ratio figure', zh: '课程中的最小值比例图' },
      text: {
        en: 'The lecture does this for many networks: train each one, drive it to a critical point, and plot its minimum ratio (positive eigenvalues ÷ all) against its training loss. A ratio of 1 is a local minimum. Here: noisy moons, 3 tanh units, a small L2 penalty, 17 parameters; each network is trained for 100 epochs with Adam, then driven to a critical point. The experiment panel below draws the figure.',
        zh: '课程对许多网络做了同样的事：训练每个网络，把它带到临界点，再以最小值比例（正特征值个数 ÷ 特征值总数）为横轴、训练损失为纵轴画出来。比例为 1 就是局部最小值。这里：带噪声的双月数据，3 个 Tanh 神经元，一个小的 L2 惩罚，17 个参数；每个网络先用 Adam 训练 100 个回合，再走到临界点。下方的实验面板会画出这张图。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Run the experiment with 10 networks (seeds 1 … 10). How many of them stop at a local minimum?',
          zh: '用 10 个网络（种子 1 … 10）运行实验。其中有几个停在局部最小值？',
        },
        experiment: 10,
        options: [
          {
            text: { en: 'None', zh: '一个也没有' },
            when: { experiment: { count: 'minimum' }, below: 1 },
            why: {
              en: '6 stop at ratio 16/17 ≈ 0.941, “degenerate”: every direction curves up except one flat one, adding the same number to both output biases, which the softmax ignores and L2 does not penalise. Those are minima in all but name. The other 4 are saddle points, at 14/17 ≈ 0.824, and have the higher losses: 0.274 … 0.338, against 0.070 … 0.164. The lower the loss, the closer to a minimum. The lecture’s larger networks reach ratios of only 0.5 to 0.6: with more parameters, more directions still lead down.',
              zh: '6 个停在比例 16/17 ≈ 0.941 的“退化点”：除了一个平坦方向，所有方向都向上弯曲；这个方向是给两个输出偏置加上同一个数，softmax 不受影响，L2 也不惩罚偏置。它们实际上就是最小值，只是二阶判别说不出来。另外 4 个是鞍点，比例为 14/17 ≈ 0.824，损失也更高：0.274 … 0.338，而前者为 0.070 … 0.164。损失越低，越接近最小值。课程中的网络更大，比例只有 0.5 到 0.6：参数越多，仍能向下走的方向就越多。',
            },
          },
          {
            text: { en: 'Some, but not all', zh: '有一些，但不是全部' },
            when: { experiment: { count: 'minimum' }, above: 0, below: 10 },
            why: {
              en: 'With the settings of this run some networks stopped where every eigenvalue is positive: strict local minima.',
              zh: '在这次运行的设置下，有些网络停在所有特征值都为正的地方：严格的局部最小值。',
            },
          },
          {
            text: { en: 'All 10', zh: '全部 10 个' },
            when: { experiment: { count: 'minimum' }, above: 9 },
            why: {
              en: 'With the settings of this run every network stopped at a strict local minimum.',
              zh: '在这次运行的设置下，每个网络都停在严格的局部最小值。',
            },
          },
        ],
      },
      claims: [
        { runs: 10, experiment: { count: 'degenerate' }, value: 6, tolerance: 0 },
        { runs: 10, experiment: { count: 'saddle' }, value: 4, tolerance: 0 },
        { runs: 10, experiment: { largest: 'minimumRatio' }, value: 16 / 17, tolerance: 1e-12 },
        { runs: 10, experiment: { smallest: 'minimumRatio' }, value: 14 / 17, tolerance: 1e-12 },
        { runs: 10, experiment: { smallest: 'objective', kind: 'saddle' }, value: 0.2741, tolerance: 0.0005 },
        { runs: 10, experiment: { largest: 'objective', kind: 'saddle' }, value: 0.338, tolerance: 0.0005 },
        { runs: 10, experiment: { smallest: 'objective', kind: 'degenerate' }, value: 0.0703, tolerance: 0.0005 },
        { runs: 10, experiment: { largest: 'objective', kind: 'degenerate' }, value: 0.1641, tolerance: 0.0005 },
      ],
    },
  ],
};
