// Lesson 3: adaptive learning rates (chapter-notes.md §2–§3): why one learning rate fails on the
// convex error surface, and how AdaGrad, RMSProp and Adam give each parameter its own.
import type { Lesson } from './format';

// Near the minimum (for `near`, within 0.01); the panel analyses the catalogue's exact one.
const MINIMUM: [number, number] = [-188.433, 2.669];

export const adaptive: Lesson = {
  name: 'adaptive',
  title: { en: 'Adaptive learning rates', zh: '自适应学习率' },
  summary: {
    en: 'Why one learning rate fails on the chapter’s error surface, and how AdaGrad, RMSProp and Adam give each parameter its own.',
    zh: '为什么一个学习率在本章的误差曲面上行不通，以及 AdaGrad、RMSProp 和 Adam 如何给每个参数各自的学习率。',
  },
  steps: [
    {
      link: 'r=gd(lr:1e-7)&steps=100000&speed=1000',
      title: { en: 'One learning rate for two directions', zh: '两个方向，一个学习率' },
      text: {
        en: 'The chapter’s convex error surface L(b, w): linear regression on ten points, with the bias b across and the weight w up. Plain gradient descent with η = 1e-7 drops quickly down the steep w direction, then crawls along the flat valley in b. After 100,000 updates it is at (−123.69, 2.483), still far from the minimum ★ at (−188.43, 2.669). Training has not converged, yet the loss chart looks flat.',
        zh: '本章的凸误差曲面 L(b, w)：对十个点做线性回归，横轴是偏置 b，纵轴是权重 w。学习率 η = 1e-7 的普通梯度下降先沿陡峭的 w 方向迅速下降，然后在平坦的 b 方向山谷里缓慢爬行。更新 100,000 次后它在 (−123.69, 2.483)，离最小值 ★ (−188.43, 2.669) 还很远。训练并没有收敛，损失图却看起来很平。',
      },
      claims: [
        { racer: 0, after: 100000, quantity: 'x', value: -123.69, tolerance: 0.005 },
        { racer: 0, after: 100000, quantity: 'y', value: 2.483, tolerance: 0.0005 },
      ],
    },
    {
      link: 'r=gd(lr:1e-7)&steps=100000&speed=1000',
      analyze: 'minimum',
      title: { en: 'Two very different curvatures', zh: '两个方向的曲率天差地别' },
      text: {
        en: 'The panel analyses the minimum ★. On this quadratic surface the Hessian is the same everywhere, with eigenvalues 5.57 (almost exactly along b) and 1.747e6 (along w). Gradient descent is stable only for η < 2/λmax ≈ 1.145e-6; at such a rate a step along b shrinks the distance to the minimum by only about η·5.57 ≈ 6e-6 of itself. One learning rate cannot suit both directions.',
        zh: '面板分析的是最小值 ★。这个二次曲面上的海森矩阵处处相同，特征值为 5.57（几乎正好沿 b）和 1.747e6（沿 w）。只有 η < 2/λmax ≈ 1.145e-6 时梯度下降才稳定；在这样的学习率下，沿 b 的每一步只把到最小值的距离缩短约 η·5.57 ≈ 6e-6 倍。一个学习率无法同时适合两个方向。',
      },
      claims: [
        { at: 'minimum', quantity: 'lambda1', value: 5.57, tolerance: 0.005 },
        { at: 'minimum', quantity: 'lambda2', value: 1746830, tolerance: 500 },
      ],
    },
    {
      link: 'r=gd(lr:1.1e-6)&r=gd(lr:1.2e-6)&steps=2000&speed=5',
      title: { en: 'Just below and just above the limit', zh: '略低于与略高于上限' },
      text: {
        en: 'Red uses η = 1.1e-6, just below the limit 2/λmax ≈ 1.145e-6; white uses η = 1.2e-6, just above it. (The book’s η = 0.01 diverges within a few steps on this exact loss; oscillating without diverging needs η between about 1.0e-6 and 1.14e-6.)',
        zh: '红色用 η = 1.1e-6，略低于上限 2/λmax ≈ 1.145e-6；白色用 η = 1.2e-6，略高于上限。（课本中的 η = 0.01 在这个损失上几步之内就会发散；要振荡而不发散，η 需在约 1.0e-6 到 1.14e-6 之间。）',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What happens within 2,000 updates?', zh: '2,000 次更新之内会发生什么？' },
        options: [
          {
            text: { en: 'White diverges, red does not', zh: '白色发散，红色不发散' },
            when: {
              all: [
                { racer: 0, diverged: false },
                { racer: 1, diverged: true },
              ],
            },
            why: {
              en: 'Above the limit every swing across the w direction is larger than the one before: white diverges at step 181. Red swings from wall to wall about a hundred times, each swing a little smaller, then creeps along b.',
              zh: '超过上限时，每一次在 w 方向上的摆动都比上一次大：白色在第 181 步发散。红色在两壁之间来回摆动约一百次，每次略小一些，然后沿 b 缓慢前进。',
            },
          },
          {
            text: { en: 'Both diverge', zh: '两个都发散' },
            when: {
              all: [
                { racer: 0, diverged: true },
                { racer: 1, diverged: true },
              ],
            },
            why: {
              en: 'Both rates of this run were above the stability limit.',
              zh: '这次运行的两个学习率都高于稳定上限。',
            },
          },
          {
            text: { en: 'Neither diverges', zh: '都不发散' },
            when: {
              all: [
                { racer: 0, diverged: false },
                { racer: 1, diverged: false },
              ],
            },
            why: {
              en: 'Both rates of this run were below the stability limit.',
              zh: '这次运行的两个学习率都低于稳定上限。',
            },
          },
        ],
      },
      claims: [{ racer: 1, after: 2000, quantity: 'divergedAt', value: 181, tolerance: 0 }],
    },
    {
      link: 'r=adagrad(lr:1,variant:book)&steps=100000&speed=500',
      panels: ['formula'],
      title: { en: 'AdaGrad: a rate for each parameter', zh: 'AdaGrad：每个参数一个学习率' },
      text: {
        en: 'AdaGrad in the book’s form divides η by σ_t, the root mean square of all past gradients of that parameter: θ_{t+1} = θ_t − (η/σ_t)·g_t. Its first move is therefore exactly ±η in each direction: from (−120, −4) to (−119, −3). Parameters with large gradients (w) get small steps, those with small gradients (b) large ones. Press Step a few times, then Play: it reaches the valley at (−113.84, 2.402) after 16 updates and runs along it. Watch η_t/σ for b and w in the update rule.',
        zh: '课本形式的 AdaGrad 把 η 除以 σ_t，即该参数过去所有梯度的均方根：θ_{t+1} = θ_t − (η/σ_t)·g_t。所以它的第一步在每个方向上都恰好是 ±η：从 (−120, −4) 到 (−119, −3)。梯度大的参数（w）步子小，梯度小的参数（b）步子大。先按几次“单步”，再按“播放”：它在第 16 次更新时到达山谷中的 (−113.84, 2.402)，然后沿山谷前进。请观察更新规则里 b 和 w 的 η_t/σ。',
      },
      claims: [
        { racer: 0, after: 1, quantity: 'x', value: -119, tolerance: 1e-9 },
        { racer: 0, after: 1, quantity: 'y', value: -3, tolerance: 1e-9 },
        { racer: 0, after: 16, quantity: 'x', value: -113.84, tolerance: 0.005 },
        { racer: 0, after: 16, quantity: 'y', value: 2.402, tolerance: 0.0005 },
      ],
    },
    {
      link: 'r=adagrad(lr:1,variant:book)&steps=100000&speed=500',
      title: { en: 'AdaGrad’s bursts', zh: 'AdaGrad 的“爆炸”' },
      text: {
        en: 'Keep watching AdaGrad along the flat valley: the gradients of w stay tiny for a long time, so σ for w shrinks and the step η/σ for w grows.',
        zh: '继续观察 AdaGrad 沿平坦山谷前进：w 的梯度长时间很小，所以 w 的 σ 变小，w 的步长 η/σ 变大。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 100,000 updates, will AdaGrad be within 0.01 of the minimum ★ (−188.43, 2.669)?',
          zh: '更新 100,000 次后，AdaGrad 会在最小值 ★ (−188.43, 2.669) 的 0.01 之内吗？',
        },
        options: [
          {
            text: { en: 'Yes', zh: '会' },
            when: { racer: 0, near: MINIMUM, within: 0.01 },
            why: {
              en: 'It gets there, at (−188.437, 2.666), but not smoothly: again and again it shoots out vertically, because a tiny σ makes the w step huge; the large gradients out there make σ grow back, and it returns to the valley. The next lesson tames this with a schedule.',
              zh: '它到达了 (−188.437, 2.666)，但并不平稳：它一次又一次在竖直方向冲出去，因为很小的 σ 让 w 的步长变得很大；冲出去后梯度很大，σ 又变大，它回到山谷。下一课用学习率调度来驯服它。',
            },
          },
          {
            text: { en: 'No', zh: '不会' },
            when: { not: { racer: 0, near: MINIMUM, within: 0.01 } },
            why: {
              en: 'With the settings of this run AdaGrad did not settle at the minimum within 100,000 updates.',
              zh: '在这次运行的设置下，AdaGrad 没有在 100,000 次更新内停在最小值。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 100000, quantity: 'x', value: -188.437, tolerance: 0.0005 },
        { racer: 0, after: 100000, quantity: 'y', value: 2.666, tolerance: 0.0005 },
      ],
    },
    {
      link: 'surface=custom&expr=-0.1*x-2*tanh(4*(x-1))+y^2&view=-2,8,-1.5,1.5&start=-1.5,0.8&r=adagrad(lr:0.05,variant:book)&r=rmsprop(lr:0.05,alpha:0.9,variant:book)&steps=200&speed=1',
      title: { en: 'RMSProp: recent gradients count most', zh: 'RMSProp：最近的梯度最重要' },
      text: {
        en: 'The book’s picture for RMSProp: a flat stretch, a steep cliff at x = 1, then flat again. AdaGrad (red) and RMSProp (white, α = 0.9) both use η = 0.05. RMSProp’s σ_t = √(α σ²_{t−1} + (1 − α) g²_t) weighs the newest gradients most; AdaGrad’s σ averages all of them.',
        zh: '课本中 RMSProp 的示意：先是平坦段，x = 1 处是陡峭的悬崖，之后又是平坦段。AdaGrad（红色）和 RMSProp（白色，α = 0.9）都用 η = 0.05。RMSProp 的 σ_t = √(α σ²_{t−1} + (1 − α) g²_t) 最看重最新的梯度；AdaGrad 的 σ 对所有梯度取平均。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'After 200 updates, which is further to the right?', zh: '更新 200 次后，哪一个更靠右？' },
        options: [
          {
            text: { en: 'AdaGrad (red)', zh: 'AdaGrad（红色）' },
            when: { highest: 'x', racer: 0 },
            why: {
              en: 'With the settings of this run AdaGrad got further.',
              zh: '在这次运行的设置下，AdaGrad 走得更远。',
            },
          },
          {
            text: { en: 'RMSProp (white)', zh: 'RMSProp（白色）' },
            when: { highest: 'x', racer: 1 },
            why: {
              en: 'On the cliff RMSProp brakes at once, and once past it, forgets it within a few updates and speeds up again: x = 6.58 after 200 updates. AdaGrad still remembers the cliff’s large gradients, so its σ stays large and it crawls on the flat stretch: x = 2.69.',
              zh: '在悬崖上 RMSProp 立刻刹车，越过悬崖后几次更新就“忘记”了它并重新加速：更新 200 次后 x = 6.58。AdaGrad 还记着悬崖上的大梯度，σ 一直很大，只能在平坦段上慢慢爬：x = 2.69。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 200, quantity: 'x', value: 2.69, tolerance: 0.005 },
        { racer: 1, after: 200, quantity: 'x', value: 6.58, tolerance: 0.005 },
      ],
    },
    {
      link: 'r=adam(lr:1)&r=rmsprop(lr:1,variant:book)&steps=5000&speed=50',
      title: { en: 'Adam: RMSProp plus momentum', zh: 'Adam：RMSProp 加动量' },
      text: {
        en: 'Back on the error surface, both with η = 1: Adam (red; Kingma & Ba, with PyTorch’s defaults β1 = 0.9, β2 = 0.999) against the book’s RMSProp (white). Adam forms σ as RMSProp does and m as momentum does.',
        zh: '回到误差曲面，两者都用 η = 1：Adam（红色；用 PyTorch 的默认值 β1 = 0.9、β2 = 0.999）对课本形式的 RMSProp（白色）。Adam 像 RMSProp 那样计算 σ，像动量那样计算 m。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 5,000 updates, which is within 0.01 of the minimum ★?',
          zh: '更新 5,000 次后，哪一个在最小值 ★ 的 0.01 之内？',
        },
        options: [
          {
            text: { en: 'Only Adam', zh: '只有 Adam' },
            when: {
              all: [{ racer: 0, near: MINIMUM, within: 0.01 }, { not: { racer: 1, near: MINIMUM, within: 0.01 } }],
            },
            why: {
              en: 'RMSProp’s steps stay about η = 1 long near the minimum, where the gradient keeps flipping sign: it ends bouncing about half a step away, at (−187.93, 3.169). Adam’s m averages the signs of recent gradients, so the bouncing cancels and it settles at (−188.433, 2.6695).',
              zh: '在最小值附近梯度的符号不断翻转，RMSProp 的步长却一直约为 η = 1：它最后在约半步之外来回弹跳，停在 (−187.93, 3.169)。Adam 的 m 对最近梯度的符号取平均，来回弹跳相互抵消，它稳稳停在 (−188.433, 2.6695)。',
            },
          },
          {
            text: { en: 'Only RMSProp', zh: '只有 RMSProp' },
            when: {
              all: [{ not: { racer: 0, near: MINIMUM, within: 0.01 } }, { racer: 1, near: MINIMUM, within: 0.01 }],
            },
            why: {
              en: 'With the settings of this run RMSProp settled and Adam did not.',
              zh: '在这次运行的设置下，RMSProp 停稳了，Adam 没有。',
            },
          },
          {
            text: { en: 'Both', zh: '两个都是' },
            when: {
              all: [
                { racer: 0, near: MINIMUM, within: 0.01 },
                { racer: 1, near: MINIMUM, within: 0.01 },
              ],
            },
            why: {
              en: 'With the settings of this run both settled at the minimum.',
              zh: '在这次运行的设置下，两者都停在了最小值。',
            },
          },
          {
            text: { en: 'Neither', zh: '都不是' },
            when: {
              all: [
                { not: { racer: 0, near: MINIMUM, within: 0.01 } },
                { not: { racer: 1, near: MINIMUM, within: 0.01 } },
              ],
            },
            why: {
              en: 'With the settings of this run neither settled at the minimum within 5,000 updates.',
              zh: '在这次运行的设置下，两者都没有在 5,000 次更新内停在最小值。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 5000, quantity: 'x', value: -188.433, tolerance: 0.0005 },
        { racer: 0, after: 5000, quantity: 'y', value: 2.6695, tolerance: 0.00005 },
        { racer: 1, after: 5000, quantity: 'x', value: -187.93, tolerance: 0.005 },
        { racer: 1, after: 5000, quantity: 'y', value: 3.169, tolerance: 0.0005 },
      ],
    },
  ],
};
