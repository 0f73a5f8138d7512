// Lesson 4: learning-rate scheduling (chapter-notes.md §3): decay, a decay that is too fast,
// warmup, and the Transformer's schedule.
import type { Lesson } from './format';

export const scheduling: Lesson = {
  name: 'scheduling',
  title: { en: 'Learning-rate scheduling', zh: '学习率调度' },
  summary: {
    en: 'Decay and warmup: letting η_t change with time, with the Transformer’s schedule.',
    zh: '衰减与预热：让 η_t 随时间变化，包括 Transformer 的调度。',
  },
  steps: [
    {
      link: 'r=adagrad(lr:1,variant:book)&r=adagrad(lr:1,variant:book,sched:invsqrt)&steps=100000&speed=500',
      panels: ['formula'],
      title: { en: 'Decay tames AdaGrad', zh: '衰减驯服 AdaGrad' },
      text: {
        en: 'Learning-rate scheduling makes η depend on time: θ_{t+1} = θ_t − (η_t/σ_t)·g_t. Decay (also called annealing) lets η_t shrink as training goes on, since by then we should be close to the goal. White is red’s AdaGrad with η_t = η/√(t+1): its bursts are gone, and after 100,000 updates it is at (−188.37, 2.669), next to the minimum ★. Compare the η_t chart and η_t/σ for w in the update rule.',
        zh: '学习率调度让 η 随时间变化：θ_{t+1} = θ_t − (η_t/σ_t)·g_t。衰减（也叫退火）让 η_t 随训练进行而变小，因为那时应该已经接近目标了。白色是红色的 AdaGrad 加上 η_t = η/√(t+1)：“爆炸”消失了，更新 100,000 次后它在 (−188.37, 2.669)，紧挨着最小值 ★。请对比 η_t 图表和更新规则里 w 的 η_t/σ。',
      },
      claims: [
        { racer: 1, after: 100000, quantity: 'x', value: -188.37, tolerance: 0.005 },
        { racer: 1, after: 100000, quantity: 'y', value: 2.669, tolerance: 0.0005 },
      ],
    },
    {
      link: 'surface=ellipse&start=1.51,-1.49&r=gd(lr:0.0199)&r=gd(lr:0.0199,sched:step,step_size:50,gamma:0.5)&r=gd(lr:0.0199,sched:cosine,T_max:300)&steps=300&speed=1',
      title: { en: 'A decay that is too fast', zh: '衰减得太快' },
      text: {
        en: 'A narrow valley with curvatures 1 and 100. Gradient descent with η = 0.0199, just below the stability limit 2/100, bounces between its walls (the chapter’s “training stalls, although the gradient is not small”). Red keeps η; white halves it every 50 updates; orange follows a cosine from η down to 0 at update 300.',
        zh: '一条狭窄的山谷，两个方向的曲率分别是 1 和 100。η = 0.0199 的梯度下降略低于稳定上限 2/100，在两壁之间来回弹跳（即本章的“训练停滞，但梯度并不小”）。红色保持 η 不变；白色每 50 次更新把 η 减半；橙色按余弦曲线在第 300 次更新时把 η 降到 0。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Which ends with the lowest loss after 300 updates?', zh: '更新 300 次后，哪一个的损失最低？' },
        options: [
          {
            text: { en: 'Red, the constant rate', zh: '红色，学习率不变' },
            when: { lowest: 'loss', racer: 0 },
            why: {
              en: 'The bouncing looks wasteful, but the constant rate keeps moving along the flat direction and ends lowest (loss 3.7e-5). Halving η every 50 updates stops the bouncing and the progress along the valley too: white ends at 0.0436. Decay that is too fast ends training early. Orange’s cosine lies between, at 0.0054.',
              zh: '来回弹跳看起来很浪费，但不变的学习率一直沿平坦方向前进，最后损失最低（3.7e-5）。每 50 次更新把 η 减半，弹跳停了，沿山谷的前进也停了：白色停在 0.0436。衰减得太快会让训练过早结束。橙色的余弦调度介于两者之间，为 0.0054。',
            },
          },
          {
            text: { en: 'White, the step decay', zh: '白色，阶梯衰减' },
            when: { lowest: 'loss', racer: 1 },
            why: {
              en: 'With the settings of this run the step decay ended lowest.',
              zh: '在这次运行的设置下，阶梯衰减的损失最低。',
            },
          },
          {
            text: { en: 'Orange, the cosine', zh: '橙色，余弦调度' },
            when: { lowest: 'loss', racer: 2 },
            why: {
              en: 'With the settings of this run the cosine schedule ended lowest.',
              zh: '在这次运行的设置下，余弦调度的损失最低。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 300, quantity: 'loss', value: 3.7e-5, tolerance: 1e-6 },
        { racer: 1, after: 300, quantity: 'loss', value: 0.0436, tolerance: 0.0001 },
        { racer: 2, after: 300, quantity: 'loss', value: 0.0054, tolerance: 0.0001 },
      ],
    },
    {
      link: 'surface=rosenbrock&r=adam(lr:0.3)&r=adam(lr:0.3,warmup:200)&steps=1000&speed=5',
      title: { en: 'Warmup', zh: '预热' },
      text: {
        en: 'Warmup lets η_t first rise, then hold or fall. The reason: σ is a statistic of past gradients, and at the start it rests on very few of them, so the first steps should stay small until σ is reliable. White warms up linearly over 200 updates, η_t = η·(t+1)/200: for example 0.0315 at update 20 instead of 0.3. Watch the η_t chart and the first steps of both paths.',
        zh: '预热让 η_t 先上升，再保持或下降。原因是：σ 是过去梯度的统计量，一开始它只基于很少几个梯度，所以在 σ 可靠之前，最初的步子应该小一些。白色在 200 次更新内线性预热，η_t = η·(t+1)/200：例如第 20 次更新时是 0.0315，而不是 0.3。请观察 η_t 图表和两条路径的最初几步。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Adam with η = 0.3 on Rosenbrock’s valley, without (red) and with warmup (white). Which has the lower loss after 1,000 updates?',
          zh: '在 rosenbrock 山谷上，η = 0.3 的 Adam 不预热（红色）与预热（白色）。更新 1,000 次后，哪一个损失更低？',
        },
        options: [
          {
            text: { en: 'Without warmup (red)', zh: '不预热（红色）' },
            when: { lowest: 'loss', racer: 0 },
            why: {
              en: 'With the settings of this run warmup did not pay off: it also spends updates at small rates.',
              zh: '在这次运行的设置下，预热没有带来好处：它也把一些更新花在了小学习率上。',
            },
          },
          {
            text: { en: 'With warmup (white)', zh: '预热（白色）' },
            when: { lowest: 'loss', racer: 1 },
            why: {
              en: 'Without warmup Adam’s first steps are about η = 0.3 in every coordinate, whatever the gradient, and throw it far off; it spends the rest of the run recovering (loss 2.1e-7). The warmed-up Adam starts small while σ settles and ends at 7.2e-16. Warmup is not always better, though: try η = 0.1, where warmup only costs time.',
              zh: '不预热时，Adam 最初的步子在每个坐标上都约为 η = 0.3，与梯度大小无关，一下子被甩得很远；剩下的时间都在恢复（损失 2.1e-7）。预热的 Adam 在 σ 稳定之前步子很小，最后损失为 7.2e-16。不过预热并不总是更好：试试 η = 0.1，那时预热只会浪费时间。',
            },
          },
        ],
      },
      claims: [
        { racer: 1, after: 20, quantity: 'lr', value: 0.0315, tolerance: 1e-9 },
        { racer: 0, after: 1000, quantity: 'loss', value: 2.1e-7, tolerance: 1e-8 },
        { racer: 1, after: 1000, quantity: 'loss', value: 7.2e-16, tolerance: 1e-17 },
      ],
    },
    {
      link: 'surface=rosenbrock&r=adam(lr:1,sched:noam,d_model:512,warmup_steps:4000)&steps=20000&speed=50',
      title: { en: 'The Transformer’s schedule', zh: 'Transformer 的调度' },
      text: {
        en: 'The Transformer was trained with η_t = d_model^−0.5 · min(t^−0.5, t·warmup^−1.5), t counted from 1, with d_model = 512 and warmup = 4,000 (here η = 1 scales it). It rises linearly for 4,000 updates to its peak 6.99e-4 (at update 3,999 here, counting from 0), then decays like 1/√t: at update 15,999 it is 3.49e-4, half the peak. Play and watch the η_t chart.',
        zh: 'Transformer 训练时用的是 η_t = d_model^−0.5 · min(t^−0.5, t·warmup^−1.5)，t 从 1 开始计，d_model = 512，warmup = 4,000（这里 η = 1 作为系数）。它在 4,000 次更新内线性上升到峰值 6.99e-4（这里从 0 计数，是第 3,999 次更新），然后按 1/√t 衰减：第 15,999 次更新时为 3.49e-4，正好是峰值的一半。按“播放”，观察 η_t 图表。',
      },
      claims: [
        { racer: 0, after: 3999, quantity: 'lr', value: 6.99e-4, tolerance: 5e-7 },
        { racer: 0, after: 15999, quantity: 'lr', value: 3.49e-4, tolerance: 5e-7 },
      ],
    },
    {
      link: 'surface=rosenbrock&r=adam(lr:0.3)&r=adam(lr:0.3,sched:cosine,T_max:1000)&r=adam(lr:0.3,warmup:200,sched:cosine,T_max:800)&steps=1000&speed=5',
      title: { en: 'Warmup, then decay', zh: '先预热，再衰减' },
      text: {
        en: 'Schedules combine: warmup first, then a decay running on its own clock. Red keeps η = 0.3; white decays it along a cosine to 0 at update 1,000; orange warms up for 200 updates, then follows a cosine over the remaining 800. A schedule’s peak, its speeds and its shape are hyperparameters, tuned like η itself. Try your own: change a racer’s schedule in its card and the η_t preview shows it before you run.',
        zh: '调度可以组合：先预热，再按自己的时钟衰减。红色保持 η = 0.3；白色按余弦曲线在第 1,000 次更新时降到 0；橙色先预热 200 次更新，再在剩下的 800 次中按余弦衰减。调度的峰值、快慢和形状都是超参数，和 η 本身一样需要调节。自己试一试：在优化器卡片里修改调度，运行之前 η_t 预览就会显示出来。',
      },
    },
  ],
};
