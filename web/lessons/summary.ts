// Lesson 5: the chapter's summary θ_{t+1} = θ_t − (η_t/σ_t)·m_t (chapter-notes.md §3): every
// optimizer is a choice of m, of σ and of the schedule η_t, shown live in the update rule.
import type { Lesson } from './format';

const VALLEY = 'surface=rosenbrock&steps=1000&speed=2';

export const summary: Lesson = {
  name: 'summary',
  title: { en: 'One rule: θ ← θ − (η_t/σ_t)·m_t', zh: '一条规则：θ ← θ − (η_t/σ_t)·m_t' },
  summary: {
    en: 'Every optimizer of the chapter is a choice of m (direction), σ (size) and the schedule η_t.',
    zh: '本章的每个优化器都是对 m（方向）、σ（大小）和调度 η_t 的一种选择。',
  },
  steps: [
    {
      link: `${VALLEY}&r=sgd(lr:0.001)`,
      panels: ['formula'],
      title: { en: 'Plain gradient descent: m = g, σ = 1', zh: '普通梯度下降：m = g，σ = 1' },
      text: {
        en: 'The chapter ends with one rule for all optimizers: θ_{t+1} = θ_t − (η_t/σ_t)·m_t, for every parameter i on its own. They differ in how they form m (the direction, from gradients with their signs), how they form σ (the size, from squared gradients), and the schedule η_t. The update rule panel shows all three, live, for the selected racer. Plain gradient descent takes m = g and σ = 1: on Rosenbrock’s valley, with η = 0.001, it is still at (−0.660, 0.444) after 1,000 updates, loss 2.76.',
        zh: '本章最后用一条规则概括所有优化器：θ_{t+1} = θ_t − (η_t/σ_t)·m_t，每个参数 i 各自更新。它们的区别在于：如何得到 m（方向，由带符号的梯度构成）、如何得到 σ（大小，由梯度的平方构成），以及调度 η_t。“更新规则”面板实时显示所选优化器的这三部分。普通梯度下降取 m = g、σ = 1：在 rosenbrock 山谷上，η = 0.001，更新 1,000 次后仍在 (−0.660, 0.444)，损失 2.76。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: -0.66, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'y', value: 0.444, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'loss', value: 2.76, tolerance: 0.005 },
      ],
    },
    {
      link: `${VALLEY}&r=momentum(lr:0.001)`,
      panels: ['formula'],
      title: { en: 'Momentum: m remembers the direction', zh: '动量：m 记住方向' },
      text: {
        en: 'Momentum changes only m: it sums past gradients with their signs (PyTorch: m_t = μm_{t−1} + g_t, μ = 0.9), so steps that keep the same direction add up and steps that flip cancel; σ stays 1. With the same η = 0.001 it reaches (0.992, 0.985) in 1,000 updates, loss 5.7e-5. Watch m for x and y in the update rule.',
        zh: '动量法只改变 m：它把过去的梯度连同符号一起累加（PyTorch：m_t = μm_{t−1} + g_t，μ = 0.9），方向一致的步子叠加，方向翻转的步子抵消；σ 仍为 1。同样 η = 0.001，1,000 次更新后到达 (0.992, 0.985)，损失 5.7e-5。请观察更新规则里 x 和 y 的 m。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: 0.992, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'y', value: 0.985, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'loss', value: 5.7e-5, tolerance: 1e-6 },
      ],
    },
    {
      link: `${VALLEY}&r=adagrad(lr:0.5)`,
      panels: ['formula'],
      title: { en: 'AdaGrad: σ from all past gradients', zh: 'AdaGrad：σ 来自所有过去的梯度' },
      text: {
        en: 'AdaGrad changes only σ: m = g, and PyTorch’s σ_t = √(Σ g²) + ε is the running sum of squared gradients (the book divides by t + 1 to take the mean). σ never shrinks, so its steps only get smaller: with η = 0.5 it is at (−0.270, 0.076) after 1,000 updates, loss 1.61.',
        zh: 'AdaGrad 只改变 σ：m = g，PyTorch 的 σ_t = √(Σ g²) + ε 是梯度平方的累加和（课本再除以 t + 1，取平均）。σ 只增不减，所以步子只会越来越小：η = 0.5 时，更新 1,000 次后在 (−0.270, 0.076)，损失 1.61。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: -0.27, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'y', value: 0.076, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'loss', value: 1.61, tolerance: 0.005 },
      ],
    },
    {
      link: `${VALLEY}&r=rmsprop(lr:0.01)`,
      panels: ['formula'],
      title: { en: 'RMSProp: σ from recent gradients', zh: 'RMSProp：σ 来自最近的梯度' },
      text: {
        en: 'RMSProp also keeps m = g, but its σ is a moving average of squared gradients (α = 0.99 in PyTorch), so it forgets old ones and σ can shrink again. With η = 0.01 it is at (0.817, 0.653) after 1,000 updates, loss 0.0548.',
        zh: 'RMSProp 同样保持 m = g，但它的 σ 是梯度平方的滑动平均（PyTorch 中 α = 0.99），会忘记旧的梯度，σ 也能重新变小。η = 0.01 时，更新 1,000 次后在 (0.817, 0.653)，损失 0.0548。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: 0.817, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'y', value: 0.653, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'loss', value: 0.0548, tolerance: 0.0001 },
      ],
    },
    {
      link: `${VALLEY}&r=adam(lr:0.05)`,
      panels: ['formula'],
      title: { en: 'Adam: both', zh: 'Adam：两者兼有' },
      text: {
        en: 'Adam forms m as momentum does (an average of gradients, β1 = 0.9) and σ as RMSProp does (β2 = 0.999), each corrected for its start at 0. m and σ do not cancel out: m sums gradients with their signs and keeps the direction, σ sums their squares and keeps only the size. With η = 0.05 it is at (0.982, 0.964) after 1,000 updates, loss 3.3e-4.',
        zh: 'Adam 像动量那样得到 m（梯度的平均，β1 = 0.9），像 RMSProp 那样得到 σ（β2 = 0.999），两者都对从 0 开始带来的偏差做了校正。m 和 σ 不会相互抵消：m 连同符号累加梯度，保留方向；σ 累加梯度的平方，只保留大小。η = 0.05 时，更新 1,000 次后在 (0.982, 0.964)，损失 3.3e-4。',
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'x', value: 0.982, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'y', value: 0.964, tolerance: 0.0005 },
        { racer: 0, after: 1000, quantity: 'loss', value: 3.3e-4, tolerance: 5e-6 },
      ],
    },
    {
      link: 'surface=ellipse&r=sgd(lr:0.015)&r=momentum(lr:0.015)&r=rmsprop(lr:0.01)&r=adam(lr:0.05)&steps=300&speed=1',
      title: { en: 'σ works per parameter', zh: 'σ 按参数起作用' },
      text: {
        en: 'A narrow valley that runs diagonally, along y = −x. Gradient descent (red), momentum (white), RMSProp (orange) and Adam (blue) start at (−2.5, −1).',
        zh: '一条斜着延伸（沿 y = −x）的狭窄山谷。梯度下降（红色）、动量法（白色）、RMSProp（橙色）和 Adam（蓝色）从 (−2.5, −1) 出发。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Which ends with the lowest loss after 300 updates?', zh: '更新 300 次后，哪一个的损失最低？' },
        options: [
          {
            text: { en: 'Gradient descent (red)', zh: '梯度下降（红色）' },
            when: { lowest: 'loss', racer: 0 },
            why: {
              en: 'With the settings of this run plain gradient descent ended lowest.',
              zh: '在这次运行的设置下，普通梯度下降的损失最低。',
            },
          },
          {
            text: { en: 'Momentum (white)', zh: '动量法（白色）' },
            when: { lowest: 'loss', racer: 1 },
            why: {
              en: 'Momentum’s m averages out the zig-zag across the valley and adds up the steady pull along it: loss 8.5e-12, against 6.5e-5 for gradient descent. RMSProp and Adam are still far (0.499 and 0.322): σ is formed per parameter, x and y. It helps when the steep and flat directions are the parameters themselves, as b and w on the chapter’s error surface. Here both x and y see the same mix of steep and flat, so dividing by σ cannot tell them apart, and their steps stay about η long.',
              zh: '动量法的 m 把横穿山谷的“之”字形抵消掉，把沿山谷的稳定拉力累加起来：损失 8.5e-12，梯度下降为 6.5e-5。RMSProp 和 Adam 还差得远（0.499 和 0.322）：σ 是按参数 x、y 各自计算的。当陡峭和平坦的方向恰好就是参数本身时（如本章误差曲面上的 b 和 w），它很有用。而这里 x 和 y 看到的都是陡峭与平坦的同样混合，除以 σ 无法区分它们，步长一直约为 η。',
            },
          },
          {
            text: { en: 'RMSProp (orange)', zh: 'RMSProp（橙色）' },
            when: { lowest: 'loss', racer: 2 },
            why: {
              en: 'With the settings of this run RMSProp ended lowest.',
              zh: '在这次运行的设置下，RMSProp 的损失最低。',
            },
          },
          {
            text: { en: 'Adam (blue)', zh: 'Adam（蓝色）' },
            when: { lowest: 'loss', racer: 3 },
            why: {
              en: 'With the settings of this run Adam ended lowest.',
              zh: '在这次运行的设置下，Adam 的损失最低。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 300, quantity: 'loss', value: 6.5e-5, tolerance: 1e-6 },
        { racer: 1, after: 300, quantity: 'loss', value: 8.5e-12, tolerance: 1e-13 },
        { racer: 2, after: 300, quantity: 'loss', value: 0.499, tolerance: 0.0005 },
        { racer: 3, after: 300, quantity: 'loss', value: 0.322, tolerance: 0.0005 },
      ],
    },
  ],
};
