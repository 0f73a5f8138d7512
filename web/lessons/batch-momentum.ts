// Lesson 2: batch size and momentum (chapter-notes.md §6): one exact update per epoch against
// many noisy ones (the course's picture on the regression surface, then a network), noise and
// momentum leaving a saddle point, and momentum carrying the parameters over a bump.
import type { Lesson } from './format';

const CIRCLE = 'mode=classify&data=circle&noise=10&r=sgd(lr:0.05)';

export const batchMomentum: Lesson = {
  name: 'batch-momentum',
  title: { en: 'Batch size and momentum', zh: '批量大小与动量' },
  summary: {
    en: 'Full batch against batch 1 on the course’s error surface and on a network, noise leaving a saddle point, and momentum rolling over a bump and through a saddle point.',
    zh: '在课程的误差曲面和网络上比较全批量与批量为 1，噪声如何离开鞍点，以及动量如何越过小坡、冲过鞍点。',
  },
  steps: [
    {
      link: 'r=adam(lr:0.3,batch:1)&r=adam(lr:0.3)&steps=5000&speed=10',
      title: { en: 'The course’s picture: full batch against batch 1', zh: '课程中的图：全批量与批量为 1' },
      text: {
        en: 'The chapter’s error surface L(b, w) is a sum over 10 data points. Both racers are Adam (η = 0.3) from the same start. White uses the full batch: every update sees all 10 points. Red uses batch 1: each update sees one point (its gradient scaled by 10), so one epoch, a pass over the data, takes 10 updates. Compare the paths, and in the charts |∇f| with the norm of the gradient each update used.',
        zh: '本章的误差曲面 L(b, w) 是 10 个数据点的损失之和。两个优化器都是 Adam（η = 0.3），从同一点出发。白色用全批量：每次更新都看全部 10 个点。红色的批量为 1：每次更新只看一个点（梯度乘以 10），所以一个回合（把数据看一遍）需要 10 次更新。比较两条路径，并在图表中比较 |∇f| 与每次更新所用梯度的范数。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 5,000 updates, which one has the lower loss?',
          zh: '更新 5,000 次后，哪一个的损失更低？',
        },
        options: [
          {
            text: { en: 'Full batch (white)', zh: '全批量（白色）' },
            when: { lowest: 'loss', racer: 1 },
            why: {
              en: 'White settles at the minimum ★: after 5,000 updates it is at (−188.433, 2.669) with loss 101,936.73, the lowest L can be. Red never settles with a constant η: each update follows one data point, so it keeps jumping around the minimum; at update 5,000 it is at (−196.43, 2.661), loss 102,967. Full batch: stable but each update costs all the data. Batch 1: cheap, noisy updates.',
              zh: '白色停在最小值 ★：更新 5,000 次后它在 (−188.433, 2.669)，损失 101,936.73，这是 L 的最低值。学习率恒定时，红色永远停不下来：每次更新只跟随一个数据点，所以它一直在最小值附近跳动；第 5,000 次更新时它在 (−196.43, 2.661)，损失 102,967。全批量：稳定，但每次更新都要用上全部数据。批量为 1：更新便宜，但带噪声。',
            },
          },
          {
            text: { en: 'Batch 1 (red)', zh: '批量为 1（红色）' },
            when: { lowest: 'loss', racer: 0 },
            why: {
              en: 'With the settings of this run the noisy updates of batch 1 happened to end closer to the minimum.',
              zh: '在这次运行的设置下，批量为 1 的带噪声更新恰好停在离最小值更近的地方。',
            },
          },
        ],
      },
      claims: [
        { racer: 1, after: 5000, quantity: 'x', value: -188.433, tolerance: 0.0005 },
        { racer: 1, after: 5000, quantity: 'y', value: 2.669, tolerance: 0.001 },
        { racer: 1, after: 5000, quantity: 'loss', value: 101936.73, tolerance: 0.01 },
        { racer: 0, after: 5000, quantity: 'x', value: -196.43, tolerance: 0.005 },
        { racer: 0, after: 5000, quantity: 'y', value: 2.661, tolerance: 0.0005 },
        { racer: 0, after: 5000, quantity: 'loss', value: 102967, tolerance: 0.5 },
      ],
    },
    {
      link: `${CIRCLE}&batch=250&epochs=20&speed=5`,
      title: { en: 'Full batch: one update per epoch', zh: '全批量：每个回合一次更新' },
      text: {
        en: 'Now on a network: a small one learns to separate the circle data (250 training points) with plain gradient descent, η = 0.05. With batch = 250 every update uses all the training data: the gradient is exact, but there is only one update per epoch. Press Play: after 20 epochs, that is 20 updates, the training loss is still 0.649 and the training accuracy 71.2%. The learning curve is smooth.',
        zh: '现在换成网络：一个小网络用普通梯度下降（η = 0.05）学习把圆形数据（250 个训练点）分开。批量为 250 时，每次更新都用上全部训练数据：梯度是精确的，但每个回合只更新一次。按“播放”：20 个回合，也就是 20 次更新之后，训练损失仍是 0.649，训练准确率 71.2%。学习曲线很平滑。',
      },
      claims: [
        { racer: 0, after: 20, quantity: 'trainLoss', value: 0.6493, tolerance: 0.0005 },
        { racer: 0, after: 20, quantity: 'trainAcc', value: 0.712, tolerance: 0.0005 },
      ],
    },
    {
      link: `${CIRCLE}&batch=1&epochs=20&speed=5`,
      title: { en: 'Batch 1: 250 updates per epoch', zh: '批量为 1：每个回合 250 次更新' },
      text: {
        en: 'Now batch = 1: every update follows a single example, so one epoch makes 250 small, noisy updates. Everything else is as before.',
        zh: '现在批量为 1：每次更新只看一个样本，所以一个回合有 250 次又小又带噪声的更新。其他设置不变。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After the same 20 epochs, where will the training loss be (full batch: 0.649)?',
          zh: '同样 20 个回合之后，训练损失会是多少（全批量为 0.649）？',
        },
        options: [
          {
            text: { en: 'Below 0.3', zh: '低于 0.3' },
            when: { racer: 0, quantity: 'trainLoss', below: 0.3 },
            why: {
              en: 'Per epoch, small batches win by far: 5,000 noisy updates beat 20 exact ones (training loss 0.088). The learning curve jitters, because each update follows one example. After its first epoch alone (250 updates) the loss was 0.447.',
              zh: '按回合计算，小批量遥遥领先：5,000 次带噪声的更新胜过 20 次精确的更新（训练损失 0.088）。学习曲线抖动，因为每次更新只跟随一个样本。仅第一个回合（250 次更新）之后，损失就已是 0.447。',
            },
          },
          {
            text: { en: 'Between 0.3 and 0.649', zh: '在 0.3 与 0.649 之间' },
            when: { racer: 0, quantity: 'trainLoss', above: 0.3, below: 0.6493 },
            why: {
              en: 'Better than the full batch, but not by as much as the number of updates suggests: the changed settings of this run made the updates less effective.',
              zh: '比全批量好，但没有更新次数所暗示的那么多：这次运行改过的设置让更新效果变差了。',
            },
          },
          {
            text: { en: 'Above 0.649', zh: '高于 0.649' },
            when: { racer: 0, quantity: 'trainLoss', above: 0.6493 },
            why: {
              en: 'Worse than the full batch: with these settings the noise of single examples outweighed the extra updates.',
              zh: '比全批量还差：在这些设置下，单个样本带来的噪声抵消了多出来的更新。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 20, quantity: 'trainLoss', value: 0.0878, tolerance: 0.0005 },
        { racer: 0, after: 1, quantity: 'trainLoss', value: 0.4467, tolerance: 0.0005 },
      ],
    },
    {
      link: `${CIRCLE}&batch=250&epochs=250&speed=50`,
      title: { en: 'The same number of updates', zh: '相同的更新次数' },
      text: {
        en: 'A fair comparison counts updates, not epochs. Batch 1 made 250 updates in its first epoch and reached a training loss of 0.447. Full batch needs 250 epochs for its 250 updates.',
        zh: '公平的比较应该数更新次数，而不是回合数。批量为 1 时，第一个回合就做了 250 次更新，训练损失达到 0.447。全批量需要 250 个回合才能做 250 次更新。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 250 full-batch updates, will the training loss be lower or higher than 0.447?',
          zh: '全批量更新 250 次后，训练损失会低于还是高于 0.447？',
        },
        options: [
          {
            text: { en: 'Lower', zh: '更低' },
            when: { racer: 0, quantity: 'trainLoss', below: 0.4467 },
            why: {
              en: 'Update for update the exact gradient wins (0.317): each full-batch step goes straight downhill, each batch-1 step only on average. On parallel hardware a batch of 250 costs little more time than a batch of 1, so large batches can even finish an epoch faster. Small batches have their own strength: the chapter notes that their noise helps to leave saddle points and sharp minima, and that they often generalise better.',
              zh: '按更新次数计算，精确的梯度更胜一筹（0.317）：全批量的每一步都直指下坡，批量为 1 的每一步只在平均意义上下坡。在并行硬件上，250 个样本的批量并不比 1 个样本多花多少时间，所以大批量跑完一个回合甚至更快。小批量也有自己的长处：本章指出，它的噪声有助于逃离鞍点和尖锐的最小值，而且往往泛化得更好。',
            },
          },
          {
            text: { en: 'Higher', zh: '更高' },
            when: { racer: 0, quantity: 'trainLoss', above: 0.4467 },
            why: {
              en: 'With the settings of this run, 250 exact updates did less than 250 noisy ones.',
              zh: '在这次运行的设置下，250 次精确更新的效果不如 250 次带噪声的更新。',
            },
          },
        ],
      },
      claims: [{ racer: 0, after: 250, quantity: 'trainLoss', value: 0.3174, tolerance: 0.0005 }],
    },
    {
      link: 'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=gd(lr:0.05,noise:0.01)&show=crit&steps=1000&speed=2',
      title: { en: 'Noise leaves the saddle point', zh: '噪声离开鞍点' },
      text: {
        en: 'Back on L = (1 − w1·w2)², started exactly on the line w1 = −w2 that leads into the saddle point at the origin, where gradient descent got stuck in lesson 1. Red is plain gradient descent (η = 0.05). White is the same with gradient noise σ = 0.01 added to every update, as small batches add noise to the gradient.',
        zh: '回到 L = (1 − w1·w2)²，起点恰好在通向原点处鞍点的直线 w1 = −w2 上；第 1 课中梯度下降就卡在那里。红色是普通梯度下降（η = 0.05）。白色相同，但每次更新的梯度都加上 σ = 0.01 的噪声，就像小批量给梯度带来的噪声。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 1,000 updates, which has left the saddle point (loss below 0.01)?',
          zh: '更新 1,000 次后，哪一个已经离开鞍点（损失低于 0.01）？',
        },
        options: [
          {
            text: { en: 'Only the noisy one (white)', zh: '只有带噪声的（白色）' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 0.01 },
                { racer: 1, quantity: 'loss', below: 0.01 },
              ],
            },
            why: {
              en: 'Red slides into the saddle point and stays there with loss 1: its gradient always points along the line. White follows it towards the saddle point, but the noise pushes it off the line, and along the escape direction (1, 1) the smallest offset grows with every update. It ends on the curve of minima near (−0.999, −1.001) with loss 5.8e-7, where the small noise only jiggles it. This is one way small batches help: their noise does not let training rest at a saddle point.',
              zh: '红色滑进鞍点并停在那里，损失为 1：它的梯度始终沿着这条直线。白色跟着它靠近鞍点，但噪声把它推离直线，而沿逃离方向 (1, 1)，再小的偏移每次更新都会放大。它最后停在最小值曲线上 (−0.999, −1.001) 附近，损失 5.8e-7，小噪声只让它轻微抖动。这正是小批量的好处之一：它的噪声不让训练停在鞍点。',
            },
          },
          {
            text: { en: 'Only plain gradient descent (red)', zh: '只有普通梯度下降（红色）' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 0.01 },
                { racer: 1, quantity: 'loss', above: 0.01 },
              ],
            },
            why: {
              en: 'With the settings of this run the plain one started off the line and escaped, while the noise kept the other one away from the curve of minima.',
              zh: '在这次运行的设置下，普通梯度下降的起点不在直线上，所以逃离了；而噪声让另一个远离了最小值曲线。',
            },
          },
          {
            text: { en: 'Both', zh: '两个都离开了' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 0.01 },
                { racer: 1, quantity: 'loss', below: 0.01 },
              ],
            },
            why: {
              en: 'With the settings of this run the start was off the line into the saddle point, so even plain gradient descent escaped.',
              zh: '在这次运行的设置下，起点不在通向鞍点的直线上，所以连普通梯度下降也逃离了。',
            },
          },
          {
            text: { en: 'Neither', zh: '都没有' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 0.01 },
                { racer: 1, quantity: 'loss', above: 0.01 },
              ],
            },
            why: {
              en: 'With the settings of this run neither had left the saddle point after 1,000 updates.',
              zh: '在这次运行的设置下，更新 1,000 次后两者都还没有离开鞍点。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 1000, quantity: 'loss', value: 1, tolerance: 1e-9 },
        { racer: 1, after: 1000, quantity: 'x', value: -0.999, tolerance: 0.0005 },
        { racer: 1, after: 1000, quantity: 'y', value: -1.001, tolerance: 0.0005 },
        { racer: 1, after: 1000, quantity: 'loss', value: 5.8e-7, tolerance: 1e-8 },
      ],
    },
    {
      link: 'surface=two-wells&start=1.7,0.2&r=gd(lr:0.01)&r=momentum(lr:0.01)&show=m&steps=300&speed=1',
      title: { en: 'Momentum rolls over a bump', zh: '动量越过小坡' },
      text: {
        en: 'Two wells: a shallow one near (0.91, 0) and a deeper one near (−0.94, 0), with a bump between them. Gradient descent (red) and momentum (white, λ = 0.9) both use η = 0.01 and start at (1.7, 0.2). The dashed arrows show where each is heading. Momentum in the book’s form: m_{t+1} = λm_t − ηg_t, θ_{t+1} = θ_t + m_{t+1}: m is a weighted sum of all past gradients.',
        zh: '两个坑：浅坑在 (0.91, 0) 附近，深坑在 (−0.94, 0) 附近，中间隔着一个小坡。梯度下降（红色）和动量法（白色，λ = 0.9）都用 η = 0.01，都从 (1.7, 0.2) 出发。虚线箭头表示各自前进的方向。课本中的动量：m_{t+1} = λm_t − ηg_t，θ_{t+1} = θ_t + m_{t+1}：m 是过去所有梯度的加权和。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Which of them ends in the deeper well (x < 0)?', zh: '哪一个最终落进深坑（x < 0）？' },
        options: [
          {
            text: { en: 'Only gradient descent (red)', zh: '只有梯度下降（红色）' },
            when: {
              all: [
                { racer: 0, quantity: 'x', below: 0 },
                { racer: 1, quantity: 'x', above: 0 },
              ],
            },
            why: {
              en: 'With these settings gradient descent crossed the bump and momentum did not.',
              zh: '在这些设置下，梯度下降越过了小坡，而动量法没有。',
            },
          },
          {
            text: { en: 'Only momentum (white)', zh: '只有动量法（白色）' },
            when: {
              all: [
                { racer: 0, quantity: 'x', above: 0 },
                { racer: 1, quantity: 'x', below: 0 },
              ],
            },
            why: {
              en: 'Gradient descent stops where the gradient first vanishes: in the shallow well at x = 0.905, a local minimum with loss −1.093. Momentum reaches that well with speed, rolls on over the bump (a saddle point near x = 0.07; after 15 updates it is already past it, at x = −0.043) and settles in the deeper well at x = −0.936, loss −2.063.',
              zh: '梯度下降在梯度第一次消失的地方停下：浅坑中的 x = 0.905，这是一个局部最小值，损失 −1.093。动量法带着速度冲进浅坑，继续越过小坡（x = 0.07 附近的鞍点；更新 15 次后它已经越过，在 x = −0.043），最后停在深坑的 x = −0.936，损失 −2.063。',
            },
          },
          {
            text: { en: 'Both', zh: '两个都是' },
            when: {
              all: [
                { racer: 0, quantity: 'x', below: 0 },
                { racer: 1, quantity: 'x', below: 0 },
              ],
            },
            why: {
              en: 'From this run’s start the deeper well lies downhill for both of them.',
              zh: '从这次运行的起点看，深坑对两者都在下坡方向。',
            },
          },
          {
            text: { en: 'Neither', zh: '都不是' },
            when: {
              all: [
                { racer: 0, quantity: 'x', above: 0 },
                { racer: 1, quantity: 'x', above: 0 },
              ],
            },
            why: {
              en: 'With these settings neither had enough speed to cross the bump.',
              zh: '在这些设置下，两者都没有足够的速度越过小坡。',
            },
          },
        ],
      },
      claims: [
        { racer: 1, after: 15, quantity: 'x', value: -0.0426, tolerance: 0.0005 },
        { racer: 0, after: 300, quantity: 'x', value: 0.9053, tolerance: 0.0005 },
        { racer: 0, after: 300, quantity: 'loss', value: -1.0927, tolerance: 0.0005 },
        { racer: 1, after: 300, quantity: 'x', value: -0.9363, tolerance: 0.0005 },
        { racer: 1, after: 300, quantity: 'loss', value: -2.0631, tolerance: 0.0005 },
      ],
    },
    {
      link: 'surface=book-saddle&show=crit&start=0.8,-0.79&r=gd(lr:0.02)&r=momentum(lr:0.02)&steps=100&speed=1',
      title: { en: 'Momentum through a saddle point', zh: '动量冲过鞍点' },
      text: {
        en: 'Back on L = (1 − w1·w2)². Gradient descent (red) and momentum (white), both η = 0.02, start at (0.8, −0.79): just off the line that leads into the saddle point, so both will escape in the end. The question is how soon.',
        zh: '回到 L = (1 − w1·w2)²。梯度下降（红色）和动量法（白色）都用 η = 0.02，从 (0.8, −0.79) 出发：刚好偏离通向鞍点的那条直线，所以两者最终都会逃离。问题是多快。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 100 updates, which has left the saddle point (loss below 0.1)?',
          zh: '更新 100 次后，哪一个已经离开鞍点（损失低于 0.1）？',
        },
        options: [
          {
            text: { en: 'Only gradient descent', zh: '只有梯度下降' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 0.1 },
                { racer: 1, quantity: 'loss', above: 0.1 },
              ],
            },
            why: {
              en: 'With these settings momentum overshot and came back.',
              zh: '在这些设置下，动量冲过了头，又折了回来。',
            },
          },
          {
            text: { en: 'Only momentum', zh: '只有动量法' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 0.1 },
                { racer: 1, quantity: 'loss', below: 0.1 },
              ],
            },
            why: {
              en: 'Near the saddle point the gradient is almost 0, so gradient descent creeps: its loss is still 0.822 after 100 updates. Momentum keeps the speed it gathered on the way in and carries through the flat region: its loss is 1.2e-6.',
              zh: '鞍点附近梯度几乎为 0，梯度下降只能慢慢挪动：更新 100 次后损失仍是 0.822。动量法保留了一路冲下来积累的速度，直接穿过平坦区域：损失为 1.2e-6。',
            },
          },
          {
            text: { en: 'Both', zh: '两个都离开了' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 0.1 },
                { racer: 1, quantity: 'loss', below: 0.1 },
              ],
            },
            why: {
              en: 'From this run’s start both were far enough from the line into the saddle point.',
              zh: '这次运行的起点离通向鞍点的直线足够远，两者都离开了。',
            },
          },
          {
            text: { en: 'Neither', zh: '都没有' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 0.1 },
                { racer: 1, quantity: 'loss', above: 0.1 },
              ],
            },
            why: {
              en: 'From this run’s start both were still close to the saddle point after 100 updates.',
              zh: '从这次运行的起点出发，更新 100 次后两者都还在鞍点附近。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 100, quantity: 'loss', value: 0.822, tolerance: 0.0005 },
        { racer: 1, after: 100, quantity: 'loss', value: 1.2e-6, tolerance: 5e-8 },
      ],
    },
    {
      link: 'surface=rosenbrock&r=gd(lr:0.001)&r=momentum(lr:0.001)&steps=2000&speed=5',
      title: { en: 'Momentum in a long valley', zh: '长山谷中的动量' },
      text: {
        en: 'Rosenbrock’s valley is long, curved and nearly flat along its floor: the gradient there is small but keeps pointing the same way, and momentum adds it up. With the same η = 0.001, after 2,000 updates gradient descent (red) is at (0.559, 0.310) with loss 0.195, while momentum (white) is at (0.9999, 0.9998) with loss 1.4e-8, next to the minimum (1, 1).',
        zh: 'rosenbrock 函数的山谷又长又弯，谷底几乎是平的：那里梯度很小，但方向一直不变，动量把它们累加起来。同样 η = 0.001，更新 2,000 次后，梯度下降（红色）在 (0.559, 0.310)，损失 0.195；动量法（白色）在 (0.9999, 0.9998)，损失 1.4e-8，紧挨着最小值 (1, 1)。',
      },
      claims: [
        { racer: 0, after: 2000, quantity: 'x', value: 0.5589, tolerance: 0.0005 },
        { racer: 0, after: 2000, quantity: 'y', value: 0.3102, tolerance: 0.0005 },
        { racer: 0, after: 2000, quantity: 'loss', value: 0.1951, tolerance: 0.0005 },
        { racer: 1, after: 2000, quantity: 'x', value: 0.99988, tolerance: 0.00005 },
        { racer: 1, after: 2000, quantity: 'y', value: 0.99977, tolerance: 0.00005 },
        { racer: 1, after: 2000, quantity: 'loss', value: 1.36e-8, tolerance: 5e-10 },
      ],
    },
    {
      link: 'surface=rosenbrock&r=sgd(lr:0.001,momentum:0.9,sched:step,step_size:100,gamma:0.1)&r=sgd(lr:0.001,momentum:0.9,variant:book,sched:step,step_size:100,gamma:0.1)&steps=500&speed=2',
      title: { en: 'Two ways to write momentum', zh: '动量的两种写法' },
      text: {
        en: 'PyTorch writes momentum as b ← μb + g, θ ← θ − ηb; the book as m ← λm − ηg, θ ← θ + m. While η is constant the two are the same. Here a step schedule cuts η tenfold at update 100 (and again at 200, …). PyTorch’s form (red) slows down at once, because the new η multiplies all of b; the book’s form (white) keeps the velocity it built with the old η and coasts further along the valley: after 500 updates red is at (−0.422, 0.185) with loss 2.03, white at (−0.270, 0.078) with loss 1.61.',
        zh: 'PyTorch 把动量写成 b ← μb + g，θ ← θ − ηb；课本写成 m ← λm − ηg，θ ← θ + m。η 不变时两者完全相同。这里阶梯调度在第 100 次更新时把 η 缩小为十分之一（第 200 次时再缩小，依此类推）。PyTorch 的写法（红色）立刻变慢，因为新的 η 乘在整个 b 上；课本的写法（白色）保留了用旧 η 积累的速度，沿山谷滑得更远：更新 500 次后，红色在 (−0.422, 0.185)，损失 2.03；白色在 (−0.270, 0.078)，损失 1.61。',
      },
      claims: [
        { racer: 0, after: 500, quantity: 'x', value: -0.4224, tolerance: 0.0005 },
        { racer: 0, after: 500, quantity: 'y', value: 0.1854, tolerance: 0.0005 },
        { racer: 0, after: 500, quantity: 'loss', value: 2.028, tolerance: 0.005 },
        { racer: 1, after: 500, quantity: 'x', value: -0.2696, tolerance: 0.0005 },
        { racer: 1, after: 500, quantity: 'y', value: 0.078, tolerance: 0.0005 },
        { racer: 1, after: 500, quantity: 'loss', value: 1.6147, tolerance: 0.005 },
      ],
    },
  ],
};
