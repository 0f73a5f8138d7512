// Lesson 6: classification (chapter-notes.md §5): one-hot labels, softmax, cross-entropy against
// MSE on the chapter's surfaces and on a network, many classes, and regression for contrast.
import type { Lesson } from './format';

export const classification: Lesson = {
  name: 'classification',
  title: { en: 'Classification: softmax and cross-entropy', zh: '分类：softmax 与交叉熵' },
  summary: {
    en: 'One-hot labels, softmax, and why cross-entropy is easier to optimise than MSE, on surfaces and on networks.',
    zh: '独热标签、softmax，以及为什么交叉熵比均方误差更容易优化：在曲面上，也在网络上。',
  },
  steps: [
    {
      link: 'mode=classify&data=blobs&classes=3&noise=30&net=4&epochs=50&r=adam(lr:0.03)&speed=10',
      title: { en: 'Classes as one-hot vectors', zh: '用独热向量表示类别' },
      text: {
        en: 'Three classes of points. Coding them as 1, 2, 3 would say that class 1 is closer to class 2 than to class 3; one-hot vectors (1, 0, 0), (0, 1, 0), (0, 0, 1) say nothing of the kind. So the network has three outputs y1, y2, y3, and softmax turns them into probabilities y′_i = exp(y_i)/Σ_j exp(y_j), which the loss compares with the one-hot label. Press Play: after 50 epochs the test accuracy is 97.6%. The map colours each point by the most probable class, paler where the network is less sure.',
        zh: '三类点。若把类别编成 1、2、3，就等于说类别 1 离类别 2 比离类别 3 更近；独热向量 (1, 0, 0)、(0, 1, 0)、(0, 0, 1) 则没有这种含义。所以网络有三个输出 y1、y2、y3，softmax 把它们变成概率 y′_i = exp(y_i)/Σ_j exp(y_j)，损失再把它与独热标签比较。按“播放”：50 个回合后测试准确率为 97.6%。地图按最可能的类别着色，网络越没把握颜色越淡。',
      },
      claims: [{ racer: 0, after: 50, quantity: 'testAcc', value: 0.976, tolerance: 0.0005 }],
    },
    {
      link: 'surface=book-ce&r=gd(lr:1)&steps=500&speed=2',
      analyze: [3, 1],
      title: { en: 'Softmax and cross-entropy on a surface', zh: '曲面上的 softmax 与交叉熵' },
      text: {
        en: 'The chapter’s surface: three classes, label (1, 0, 0); the network’s outputs y1 (across) and y2 (up) vary, y3 is fixed at −1000. The panel analyses (y1, y2) = (3, 1): softmax gives (0.88, 0.12, 0.00), and the cross-entropy e = −Σ ŷ_i ln y′_i = −ln 0.88 = 0.127. Minimising cross-entropy is maximising the likelihood of the right class. The loss is high at the top left (y1 small, y2 large) and low at the bottom right.',
        zh: '本章的曲面：三个类别，标签为 (1, 0, 0)；网络输出 y1（横轴）和 y2（纵轴）可变，y3 固定为 −1000。面板分析的是 (y1, y2) = (3, 1)：softmax 得到 (0.88, 0.12, 0.00)，交叉熵 e = −Σ ŷ_i ln y′_i = −ln 0.88 = 0.127。最小化交叉熵就是最大化正确类别的似然。左上方（y1 小、y2 大）损失高，右下方损失低。',
      },
      claims: [{ at: [3, 1], quantity: 'value', value: 0.127, tolerance: 0.0005 }],
    },
    {
      link: 'surface=book-ce&r=gd(lr:1)&steps=500&speed=2',
      analyze: [-6.5, 5.5],
      title: { en: 'Cross-entropy from a bad start', zh: '从糟糕的起点出发的交叉熵' },
      text: {
        en: 'Start at (−6.5, 5.5), where the network is confidently wrong. The panel shows the cross-entropy there: 12, with a gradient of norm 1.41. Large error, large gradient: gradient descent (η = 1) gets going at once, and after 500 updates its loss is 0.0010.',
        zh: '从 (−6.5, 5.5) 出发，这里网络很有把握地给出了错误答案。面板显示那里的交叉熵为 12，梯度范数为 1.41。误差大，梯度也大：梯度下降（η = 1）立刻动了起来，更新 500 次后损失为 0.0010。',
      },
      claims: [
        { at: [-6.5, 5.5], quantity: 'value', value: 12, tolerance: 0.0005 },
        { at: [-6.5, 5.5], quantity: 'gradNorm', value: 1.41, tolerance: 0.005 },
        { racer: 0, after: 500, quantity: 'loss', value: 0.001, tolerance: 0.00005 },
      ],
    },
    {
      link: 'surface=book-mse&r=gd(lr:1)&r=adam(lr:0.1)&steps=500&speed=2',
      analyze: [-6.5, 5.5],
      title: { en: 'MSE on the same outputs', zh: '同样的输出，换成均方误差' },
      text: {
        en: 'The same outputs with the mean squared error e = Σ_i (ŷ_i − y′_i)² of the softmax outputs. At (−6.5, 5.5) the loss is 2.0 but the gradient’s norm is only 3.5e-5: the surface is a plateau. Gradient descent (red, η = 1) and Adam (white, η = 0.1) start there.',
        zh: '同样的输出，改用 softmax 输出的均方误差 e = Σ_i (ŷ_i − y′_i)²。在 (−6.5, 5.5) 处损失为 2.0，梯度范数却只有 3.5e-5：这里是一片平原。梯度下降（红色，η = 1）和 Adam（白色，η = 0.1）从这里出发。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 500 updates, which has left the plateau (loss below 1)?',
          zh: '更新 500 次后，哪一个离开了平原（损失低于 1）？',
        },
        options: [
          {
            text: { en: 'Only gradient descent', zh: '只有梯度下降' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 1 },
                { racer: 1, quantity: 'loss', above: 1 },
              ],
            },
            why: {
              en: 'With the settings of this run gradient descent left and Adam did not.',
              zh: '在这次运行的设置下，梯度下降离开了，Adam 没有。',
            },
          },
          {
            text: { en: 'Only Adam', zh: '只有 Adam' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 1 },
                { racer: 1, quantity: 'loss', below: 1 },
              ],
            },
            why: {
              en: 'Gradient descent’s steps are η times a tiny gradient: it is still on the plateau, loss 2.0. Adam divides by σ, so its steps do not shrink with the gradient: it escapes, slowly at first, and ends at 1.1e-4. Changing the loss changes how hard the optimisation is: with cross-entropy, plain gradient descent had no trouble.',
              zh: '梯度下降的步长是 η 乘以很小的梯度：它仍在平原上，损失 2.0。Adam 除以 σ，步长不随梯度变小：它逃了出来，开始时很慢，最后损失为 1.1e-4。换一个损失函数，优化的难度就变了：用交叉熵时，普通梯度下降毫无困难。',
            },
          },
          {
            text: { en: 'Both', zh: '两个都离开了' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', below: 1 },
                { racer: 1, quantity: 'loss', below: 1 },
              ],
            },
            why: {
              en: 'From this run’s start the plateau was not flat enough to hold gradient descent.',
              zh: '从这次运行的起点看，平原还不够平，困不住梯度下降。',
            },
          },
          {
            text: { en: 'Neither', zh: '都没有' },
            when: {
              all: [
                { racer: 0, quantity: 'loss', above: 1 },
                { racer: 1, quantity: 'loss', above: 1 },
              ],
            },
            why: {
              en: 'With the settings of this run neither left the plateau within 500 updates.',
              zh: '在这次运行的设置下，两者都没能在 500 次更新内离开平原。',
            },
          },
        ],
      },
      claims: [
        { at: [-6.5, 5.5], quantity: 'value', value: 2, tolerance: 0.0005 },
        { at: [-6.5, 5.5], quantity: 'gradNorm', value: 3.5e-5, tolerance: 5e-7 },
        { racer: 0, after: 500, quantity: 'loss', value: 2, tolerance: 0.0005 },
        { racer: 1, after: 500, quantity: 'loss', value: 1.1e-4, tolerance: 5e-6 },
      ],
    },
    {
      link: 'mode=classify&data=blobs&classes=4&noise=20&compare=loss&epochs=10&r=sgd(lr:0.05)&speed=2',
      title: { en: 'Changing the loss on a network', zh: '在网络上换损失函数' },
      text: {
        en: 'Now a network on four classes. “Compare CE vs MSE” trains the same network twice, from the same initial weights on the same mini-batches: once with cross-entropy (red), once with MSE (white), both by gradient descent with η = 0.05.',
        zh: '现在是一个四分类的网络。“对比 CE 与 MSE”把同一个网络训练两次，初始权重相同、小批量相同：一次用交叉熵（红色），一次用均方误差（白色），都用 η = 0.05 的梯度下降。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'After 10 epochs, which has the higher training accuracy?',
          zh: '10 个回合后，哪一个的训练准确率更高？',
        },
        options: [
          {
            text: { en: 'Cross-entropy (red)', zh: '交叉熵（红色）' },
            when: { highest: 'trainAcc', racer: 0 },
            why: {
              en: 'After 10 epochs cross-entropy has 99.2% of the training points right, MSE only 78.0%. Where the network is wrong and sure of it, MSE’s gradient nearly vanishes (the plateau of the last step), so it learns slowly at first. Given more epochs MSE catches up on this easy data; on harder tasks the difference stays.',
              zh: '10 个回合后，交叉熵分对了 99.2% 的训练点，均方误差只有 78.0%。网络错了却很有把握的地方，均方误差的梯度几乎为零（就是上一步的平原），所以它一开始学得很慢。在这种简单数据上，多给几个回合均方误差会追上来；在更难的任务上差距会保留下去。',
            },
          },
          {
            text: { en: 'MSE (white)', zh: '均方误差（白色）' },
            when: { highest: 'trainAcc', racer: 1 },
            why: {
              en: 'With the settings of this run MSE learned faster.',
              zh: '在这次运行的设置下，均方误差学得更快。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 10, quantity: 'trainAcc', value: 0.992, tolerance: 0.0005 },
        { racer: 1, after: 10, quantity: 'trainAcc', value: 0.78, tolerance: 0.0005 },
      ],
    },
    {
      link: 'mode=classify&data=spiral&classes=3&net=16,16&act=relu&epochs=300&r=adam(lr:0.01)&speed=30',
      title: { en: 'Many classes, one softmax', zh: '多个类别，一个 softmax' },
      text: {
        en: 'Three interleaved spirals: a hard task for a small network. It has three outputs, one per class, and one softmax over them; two hidden layers of 16 ReLU neurons, trained with Adam (η = 0.01). The confusion matrix under the map counts which class each test point was given.',
        zh: '三条交错的螺旋线：对小网络来说是个难题。网络有三个输出，每类一个，再接一个 softmax；两层各 16 个 ReLU 神经元的隐藏层，用 Adam（η = 0.01）训练。地图下方的混淆矩阵统计每个测试点被分到了哪一类。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'Will the test accuracy pass 90% within 300 epochs?',
          zh: '300 个回合内，测试准确率会超过 90% 吗？',
        },
        options: [
          {
            text: { en: 'Yes', zh: '会' },
            when: { racer: 0, quantity: 'testAcc', above: 0.9 },
            why: {
              en: 'It does: 94.4% after 100 epochs and 99.2% after 300. The spirals are hard, but 16 + 16 ReLU neurons are enough to bend the decision boundaries around them.',
              zh: '100 个回合后为 94.4%，300 个回合后为 99.2%。螺旋线虽难，但 16 + 16 个 ReLU 神经元足以把决策边界弯成绕着它们的形状。',
            },
          },
          {
            text: { en: 'No', zh: '不会' },
            when: { racer: 0, quantity: 'testAcc', below: 0.9 },
            why: {
              en: 'With the settings of this run the network did not get there in 300 epochs.',
              zh: '在这次运行的设置下，网络没能在 300 个回合内做到。',
            },
          },
        ],
      },
      claims: [
        { racer: 0, after: 100, quantity: 'testAcc', value: 0.944, tolerance: 0.0005 },
        { racer: 0, after: 300, quantity: 'testAcc', value: 0.992, tolerance: 0.0005 },
      ],
    },
    {
      link: 'mode=classify&data=plane&noise=10&epochs=50&r=adam(lr:0.03)&speed=10',
      title: { en: 'Regression, for contrast', zh: '对照：回归' },
      text: {
        en: 'Regression makes the output close to a number; classification makes it close to the one-hot vector of the right class. Here the target is a number that grows across the plane: one output, no softmax, and the squared error as the loss. After 50 epochs the test loss is 0.0048. The map shows the predicted value instead of classes.',
        zh: '回归让输出接近一个数；分类让输出接近正确类别的独热向量。这里的目标是一个在平面上逐渐增大的数：一个输出，没有 softmax，损失用平方误差。50 个回合后测试损失为 0.0048。地图显示的是预测值，而不是类别。',
      },
      claims: [{ racer: 0, after: 50, quantity: 'testLoss', value: 0.0048, tolerance: 0.00005 }],
    },
  ],
};
