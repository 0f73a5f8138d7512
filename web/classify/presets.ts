// The chapter's experiments on real networks (chapter-notes.md §4, §6) as one-click presets of the
// classification page. A preset is a link; its caption says what to do and what happens, with
// the numbers the page shows (a browser test checks each claim; tests/cli/presets.test.mjs checks
// the landscape presets' numbers against the CLI, which the page equals bit for bit).
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
  {
    id: 'trained-landscape',
    link: 'mode=classify&data=circle&net=4,2&epochs=200&seed=3&r=adam(lr:0.03)',
    title: { en: 'The landscape of a trained network', zh: '训练好的网络的损失地形' },
    caption: {
      en: 'What does a real network’s loss surface look like? Press Play: Adam (η = 0.03) trains a 4,2 tanh network on the circle for 200 epochs, to a training loss of 0.136 and 92 % test accuracy. The Landscape panel then shows J(θ* + α·d₁ + β·d₂) along two random filter-normalised directions: a valley around the trained weights θ*, J from 0.1195 to 8.311 over ±1 (log scale). Its floor is a little off-centre: the network is still descending (‖∇J‖ = 0.005 in the Critical point panel). Switch to the Test set: the same valley, lifted (0.258 at θ*, lowest 0.187): that offset is the generalisation gap. The path barely shows: random directions are almost orthogonal to where the optimizer went; the PCA plane shows it.',
      zh: '真实网络的损失曲面是什么样子？按播放：Adam（η = 0.03）在圆形数据上训练一个 4,2 的 Tanh 网络 200 个回合，训练损失降到 0.136，测试准确率 92 %。“损失地形”面板随后画出 J(θ* + α·d₁ + β·d₂)，沿两个按滤波器归一化的随机方向：训练好的参数 θ* 周围是一个山谷，±1 范围内 J 从 0.1195 到 8.311（对数刻度）。谷底略偏离中心：网络还在下降（“临界点”面板中 ‖∇J‖ = 0.005）。切换到“测试集”：同一个山谷被整体抬高（θ* 处 0.258，最低 0.187）：这个差距就是泛化差距。路径几乎看不见：随机方向与优化器走过的方向几乎正交；主成分平面能看到它。',
    },
  },
  {
    id: 'pca-path',
    link: 'mode=classify&data=circle&net=4,2&epochs=200&seed=3&r=adam(lr:0.03)&r=sgd(lr:0.1,momentum:0.9)&landscape=pca&span=12',
    title: { en: 'Where the optimizer went (PCA plane)', zh: '优化器走过的路（主成分平面）' },
    caption: {
      en: 'The plane in which the weights moved most. Press Play: Adam (η = 0.03, red) and SGD with momentum 0.9 (η = 0.1, white) train the same network from the same start for 200 epochs. The Landscape panel uses the top two principal directions of Adam’s recorded weights: its path starts at (α, β) = (−10.8, −3.5), curves, and ends at θ* in the centre, where J = 0.136, at the bottom of a long valley (J from 0.1351 to 5.658 over ±12). Momentum’s path, projected on the same plane, leaves it: it found weights Adam’s plane does not contain, with a training loss of 0.0007 and 100 % test accuracy.',
      zh: '权重变化最大的平面。按播放：Adam（η = 0.03，红色）与动量 0.9 的随机梯度下降（η = 0.1，白色）从同一个起点训练同一个网络 200 个回合。“损失地形”面板用 Adam 记录下的参数的前两个主方向：它的路径从 (α, β) = (−10.8, −3.5) 出发，拐一个弯，停在中心的 θ*，J = 0.136，位于一条长山谷的谷底（±12 范围内 J 从 0.1351 到 5.658）。动量法的路径投影到同一平面后离开了它：它找到的参数不在 Adam 的平面内，训练损失 0.0007，测试准确率 100 %。',
    },
  },
  {
    id: 'real-saddle',
    link: 'mode=classify&data=circle&net=3&act=sigmoid&batch=500&epochs=300&seed=2&r=gd(lr:0.1)&landscape=saddle&span=2',
    title: { en: 'A saddle of a real network', zh: '真实网络的鞍点' },
    caption: {
      en: 'Why training stalls on a plateau. Press Play: plain full-batch gradient descent (η = 0.1) is stuck at a training loss of 0.683 after 300 epochs. The Landscape panel’s saddle plane puts the Hessian’s eigenvector of the largest eigenvalue (λ_max = 0.862) along α and that of the most negative one (λ_min = −0.037) along β. The map is a saddle: J = 0.683 at θ* rises to about 1.05 at α = ±1 and falls to about 0.67 at β = ±1 (point at the map or tap it to read J), J from 0.6239 to 1.973. Along β the loss still goes down, but the slope is tiny: that is why gradient descent crawls. The Critical point panel’s escape steps along β.',
      zh: '训练为什么卡在平台上。按播放：普通的全批量梯度下降（η = 0.1）训练 300 个回合后，训练损失卡在 0.683。“损失地形”面板的鞍点平面把海森矩阵最大特征值（λ_max = 0.862）的特征向量放在 α 方向，最负特征值（λ_min = −0.037）的特征向量放在 β 方向。图上是一个鞍点：θ* 处 J = 0.683，在 α = ±1 处升到约 1.05，在 β = ±1 处降到约 0.67（指向或轻点地图即可读出 J），J 从 0.6239 到 1.973。沿 β 方向损失还能下降，只是坡度极小：所以梯度下降走得很慢。“临界点”面板中的逃离就是沿 β 方向走一步。',
    },
  },
  {
    id: 'sharp-or-flat',
    link: 'mode=classify&data=moons&noise=30&net=8,8&epochs=5000&target_loss=0.1&batch=1&seed=1&r=sgd(lr:0.05)&landscape=hessian',
    title: { en: 'Sharp or flat: batch 1 vs full batch', zh: '尖锐还是平坦：批量 1 与全批量' },
    caption: {
      en: 'Does the batch size decide how sharp the minimum is? SGD (η = 0.05), 8,8 tanh, noisy moons, trained until the training loss reaches 0.1. Press Play: with batch 1 it stops at epoch 14 with λ_max = 2.53 (λ_max·η_t = 0.126 in the Critical point panel); the Hessian plane’s map runs from 0.09897 to 2.624. Now set the batch size to 250, the whole training set, and press Play: it needs 632 epochs to the same loss and stops where λ_max = 7.51 (λ_max·η_t = 0.375), three times sharper; its map climbs to 3.423 over the same ±1. Test accuracy: 97.2 % with batch 1, 97.6 % with the full batch. The noisy small batches did find a flatter place, but on this small problem it does not generalise better.',
      zh: '批量大小会决定最小值有多尖锐吗？随机梯度下降（η = 0.05），8,8 的 Tanh 网络，带噪声的双月数据，训练到训练损失降到 0.1 为止。按播放：批量为 1 时在第 14 个回合停下，λ_max = 2.53（“临界点”面板中 λ_max·η_t = 0.126）；海森矩阵平面的图中 J 从 0.09897 到 2.624。现在把批量大小设为 250（整个训练集），再按播放：要 632 个回合才到同样的损失，停在 λ_max = 7.51 的地方（λ_max·η_t = 0.375），尖锐三倍；同样 ±1 范围内它的图升到 3.423。测试准确率：批量 1 为 97.2 %，全批量为 97.6 %。带噪声的小批量确实找到了更平坦的地方，但在这个小问题上它的泛化并没有更好。',
    },
  },
  {
    id: 'big-batch-small-batch',
    link: 'mode=classify&data=moons&noise=30&net=8,8&epochs=300&batch=1&seed=1&r=sgd(lr:0.05)',
    title: { en: 'Big batch, small batch', zh: '大批量与小批量' },
    caption: {
      en: 'The chapter’s comparison on a real network: the same data, network, optimizer and number of epochs, only the batch size differs. SGD (η = 0.05), 8,8 tanh, noisy moons, 300 epochs. Press Play with batch 1: training loss 0.0615, test accuracy 96.4 %, and in the Critical point panel λ_max·η_t = 0.0199 (λ_max = 0.397). Then set the batch size to 250 (full batch) and press Play: 300 updates instead of 75,000 leave the training loss at 0.187 and test accuracy at 95.2 %, at a place twelve times sharper: λ_max·η_t = 0.244 (λ_max = 4.89). Small batches went further per epoch and ended flat; the full batch is still on its way.',
      zh: '本章的对比，在真实网络上：同样的数据、网络、优化器和回合数，只有批量大小不同。随机梯度下降（η = 0.05），8,8 的 Tanh 网络，带噪声的双月数据，300 个回合。批量为 1 时按播放：训练损失 0.0615，测试准确率 96.4 %，“临界点”面板中 λ_max·η_t = 0.0199（λ_max = 0.397）。再把批量大小设为 250（全批量）并按播放：只有 300 次更新（而不是 75,000 次），训练损失停在 0.187，测试准确率 95.2 %，所在的位置尖锐十二倍：λ_max·η_t = 0.244（λ_max = 4.89）。小批量每个回合走得更远，最后停在平坦处；全批量还在半路上。',
    },
  },
];
