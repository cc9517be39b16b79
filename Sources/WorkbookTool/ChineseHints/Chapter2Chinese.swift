/// Chapter 2 in Chinese: the titles and hints of Sources/Chapter2Checks/Chapter2Exercises.swift.
let chapter2Chinese = ChineseChapter(title: "两层 sigmoid 网络", exercises: [
    "2.1": ChineseExercise(title: "前向传播", hints: [
        "每一层对它的输入做了什么？对形状为 inputs×batch 的 x，写出 z¹、a¹、z² 和 a² 及其形状。",
        "每一层是 z = W·input + b，然后 a = σ(z)，逐元素计算；第 2 层的输入是 a¹，b 加到每一列（每个样本）上。",
        "`network.W1 * x`、`.addingToEachColumn(network.b1)` 和 `sigmoid(_:)`（chapters/toolbox.md）；"
            + "第 2 层从 a¹ 出发同样如此。",
    ]),
    "2.2": ChineseExercise(title: "二次损失", hints: [
        "一个样本的损失是什么？各样本的损失又怎样组成 L？",
        "一个样本的损失是它的误差（列 ŷⱼ − tⱼ）长度平方的一半；L 是它们在 m 个样本上的平均——m 是列数，不是元素个数。",
        "L = (1/m) Σⱼ ½‖ŷⱼ − tⱼ‖²：把 ŷ − t 的每个元素平方，全部加起来，取一半，再除以 m = yHat.columns。",
    ]),
    "2.3": ChineseExercise(title: "输出层的误差项 δ²", hints: [
        "损失只通过 ŷ = σ(z²) 依赖于 z²。链式法则要把哪两个导数相乘？",
        "∂(½‖ŷ − t‖²)/∂ŷ 是 ŷ − t，∂ŷ/∂z² 是 sigmoid 函数在 z² 处的导数，逐元素计算（第 2 章“反向传播：单个样本”一节）。",
        "δ² = (ŷ − t) ⊙ σ′(z²)，一个逐元素乘积（`hadamard`）；`sigmoidPrime` 接收的是 z，而不是 σ(z)。",
    ]),
    "2.4": ChineseExercise(title: "隐藏层的误差项 δ¹", hints: [
        "隐藏单元 i 通过权重 W²ₖᵢ 连到每个输出 k。a¹ᵢ 的变化怎样到达损失？",
        "经过每一个输出：Σₖ W²ₖᵢ δ²ₖ，这是与 W² 的转置的乘积。然后 a¹ 通过 σ 依赖于 z¹，就像 ŷ 依赖于 z² 那样。",
        "δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)。",
    ]),
    "2.5": ChineseExercise(title: "参数的梯度", hints: [
        "每个梯度必须是什么形状？dW2 与 W² 同形，为 outputs×hidden：δ²（outputs×batch）与 a¹（hidden×batch）"
            + "的哪种乘积有这个形状？",
        "对一个样本，∂loss/∂W² 是 δ² 乘以该层输入的转置，∂loss/∂b² 就是 δ² 本身；L 是批量上的平均，"
            + "所以对各样本求和再除以 m。",
        "dW2 = (1/m) δ²(a¹)ᵀ，dB2 = (1/m) Σⱼ δ²ⱼ（`rowSums()`），dW1 = (1/m) δ¹xᵀ，dB1 = (1/m) Σⱼ δ¹ⱼ。",
    ]),
    "2.6": ChineseExercise(title: "一步梯度下降", hints: [
        "为了降低损失，每个参数往哪个方向移动，移动多远？",
        "逆着它的梯度，移动 η 乘以梯度：W ← W − η ∂L/∂W，四个参数每一个都如此。",
        "`network.W1 = network.W1 - eta * gradients.dW1`，b1、W2 和 b2 同样如此。",
    ]),
    "2.7": ChineseExercise(title: "tanh 隐藏层", hints: [
        "与 2.4 相比只有一处变了：z¹ 与 a¹ 之间的函数。这改变了 δ¹ 的哪个因子，哪些不变？",
        "因子 (W²)ᵀδ² 与 2.4 中相同；另一个是 tanh 在 z¹ 处的斜率。用商的求导法则从 tanh = sinh / cosh 推出它，"
            + "并用 tanh 本身来写，就像 σ′ 用 σ 来写那样。",
        "tanh′(z) = 1 − tanh²(z)，而前向传播的结果把 tanh(z¹) 存为 a¹：δ¹ = ((W²)ᵀδ²) ⊙ (1 − a¹ ⊙ a¹)。",
    ]),
    "2.8": ChineseExercise(title: "sigmoid 输出与交叉熵损失", hints: [
        "把一个元素的损失写成 ŷ 的函数，再把 ŷ 写成 z 的函数。和 2.3 一样，链式法则要把哪两个导数相乘？",
        "对 −[t log ŷ + (1 − t) log(1 − ŷ)] 关于 ŷ 求导并通分；再乘以用 ŷ = σ(z) 写出的 σ′(z)。有东西会消掉。",
        "∂ℓ/∂ŷ = (ŷ − t) / (ŷ(1 − ŷ))，σ′(z²) = ŷ(1 − ŷ)，所以 δ² = ŷ − t：`pass.a2 - t`。",
    ]),
])
