// The chapter's experiments on real networks (chapter-notes.md §4, §6) as one-click presets of the
// classification page. A preset is a link; its caption says what to do and what happens, with
// the numbers the page shows (a browser test checks each claim).
import type { Preset } from '../components/PresetBar';

export const PRESETS: Preset[] = [
  {
    id: 'saddle-or-minimum',
    link: 'mode=classify&data=circle&net=3&act=sigmoid&batch=500&epochs=300&seed=2&r=gd(lr:0.1)',
    title: { en: 'Saddle or minimum?', zh: '鞍点还是局部最小值？' },
    caption: {
      en: 'Training stalls: is it a local minimum or a saddle point? Plain full-batch gradient descent (η = 0.1), 3 sigmoid units, the circle. Press Play: at epoch 300 the training loss is stuck at 0.683, near ln 2 = 0.693 (a coin toss). In the Critical point panel ‖∇J‖ = 0.014 is small but not 0, and 4 of the 17 eigenvalues are negative. Press “Go to the critical point” (the lecture’s method): it reaches a saddle point with ‖∇J‖ below 1e-6, J = 0.690 and 3 negative eigenvalues (minimum ratio 4/17 ≈ 0.24). There J(θ + s·u) = 0.673 for s = 1: press “Step to θ + s·u”, set “Stop at epoch” to 600 and press Play. The loss leaves the plateau: 0.568 at epoch 600 with 83 % training accuracy, while the same run without the escape is still at 0.674 with 49 %.',
      zh: '训练停滞了：是局部最小值还是鞍点？普通的全批量梯度下降（η = 0.1），3 个 Sigmoid 神经元，圆形数据。按播放：到第 300 个回合，训练损失卡在 0.683，接近 ln 2 = 0.693（等于抛硬币）。在“临界点”面板中，‖∇J‖ = 0.014 很小但不为零，17 个特征值中有 4 个为负。按“走到临界点”（课程中的方法）：它到达一个鞍点，‖∇J‖ 小于 1e-6，J = 0.690，有 3 个负特征值（最小值比例 4/17 ≈ 0.24）。在那里 s = 1 时 J(θ + s·u) = 0.673：按“移到 θ + s·u”，把“训练到第几个回合停止”改为 600，再按播放。损失离开平台：到第 600 个回合降到 0.568，训练准确率 83 %；而不逃离的同一次训练此时仍是 0.674，准确率 49 %。',
    },
  },
  {
    id: 'minimum-ratio',
    link: 'mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&seed=1',
    title: { en: 'The lecture’s minimum-ratio figure', zh: '课程中的最小值比例图' },
    caption: {
      en: 'The lecture’s figure: networks trained until the gradient vanishes, each a point with its minimum ratio (positive eigenvalues ÷ all) on x and its training loss on y. Press Run in the experiment panel: 20 networks (seeds 1 … 20) on noisy moons, 3 tanh units, L2 rate 0.003, each trained for 100 epochs with Adam and then driven to a critical point. All 20 reach one. None has ratio 1: the 11 best stop at 16/17 ≈ 0.94, degenerate (every direction curves up except one flat one: adding the same number to both output biases, which the softmax ignores and L2 does not penalise). The other 9 are saddle points, with ratios 0.82–0.88 and the higher losses (0.13–0.34, against 0.07–0.16): the lower the loss, the closer to a minimum. Honest note: the lecture’s larger networks stop at ratios of 0.5–0.6; these 17-parameter networks have fewer flat directions.',
      zh: '课程中的图：把网络训练到梯度消失，每个网络是一个点，横轴是最小值比例（正特征值个数 ÷ 特征值总数），纵轴是训练损失。在实验面板中按“运行”：20 个网络（种子 1 … 20），带噪声的双月数据，3 个 Tanh 神经元，L2 系数 0.003，每个先用 Adam 训练 100 个回合，再走到临界点。20 个都到达了临界点。没有一个的比例是 1：最好的 11 个停在 16/17 ≈ 0.94，是退化点（除了一个平坦方向，所有方向都向上弯；这个方向是给两个输出偏置加上同一个数，softmax 不受影响，L2 也不惩罚偏置）。另外 9 个是鞍点，比例为 0.82–0.88，损失也更高（0.13–0.34，而前者为 0.07–0.16）：损失越低，越接近最小值。说明：课程中的网络更大，比例停在 0.5–0.6；这里只有 17 个参数的网络平坦方向更少。',
    },
  },
];
