/// Chapter 5 in Chinese: the titles and hints of Sources/Chapter5Checks/Chapter5Exercises.swift.
let chapter5Chinese = ChineseChapter(title: "深度网络", exercises: [
    "5.1": ChineseExercise(title: "softplus 与 leaky ReLU", hints: [
        "每个新的 case 是一个数的一个函数。求 softplus 的斜率，对 log(1 + u)（u = eᶻ）用第 1 章的链式法则。"
            + "Leaky ReLU 有两侧：每一侧的斜率是多少？",
        "把 softplus′(z) = eᶻ/(1 + eᶻ) 的分子分母同除以 eᶻ：它是给定函数之一。"
            + "z 很大时，log(1 + eᶻ) = z + log(1 + e⁻ᶻ)；在 z > 0 处用它，其余处用定义，这样 exp 只会见到 −|z|。",
        "softplus(z) = max(0, z) + `log1p(exp(-abs(z)))`，它的斜率是 σ(z)，即 `Activation.sigmoid.value(z)`；"
            + "leaky ReLU(z) 在 z > 0 时为 z，否则为 `Activation.leak * z`，它的斜率在 z > 0 时为 1，否则为 `Activation.leak`。",
    ]),
    "5.2": ChineseExercise(title: "单层的前向传播及其两个反向步骤", hints: [
        "这些是第 4 章批量化的公式用于单层，配上该层自己的激活函数。δ 需要下面一层的哪个矩阵，斜率在哪里取？",
        "z = input·Wᵀ + b，与练习 4.2 相同。梯度是练习 4.3 中单层的那些：δ 与输入相乘，再除以 m。"
            + "下面一层的 δ 是 δ 经过 W，再逐元素乘以下面一层在其 z 处的斜率。",
        "z = input·Wᵀ + b，a = f(z)（`layer.activation.apply`）；dW = (1/m) δᵀ·input，dB = (1/m) Σⱼ δⱼ"
            + "（columnSums）；下面一层的 δ = (δ·W) ⊙ f′(z_below)，用 below.z 的 `activation.derivative`。",
        "`Matrix.multiply(delta, layer.weights, into: &deltaBelow)`，然后 `deltaBelow.combine(with: below.z) "
            + "{ $0 * activation.derivative($1) }`。",
    ]),
    "5.3": ChineseExercise(title: "前向循环与反向循环", hints: [
        "第 l 层读哪个输入，哪一层的 δ 和权重给出它的 δ？反向循环必须按什么顺序访问各层？",
        "l 为 0 时第 l 层读 x，否则读第 l − 1 层的 a。从最后一层往下走，第 l 层的 δ 来自第 l + 1 层的 δ 和权重"
            + "以及第 l 层的斜率；第 l 层的梯度用它的 δ 和它读到的输入。",
        "`for l in stride(from: last, through: 0, by: -1)`：除非 l 是最后一层，先 "
            + "`backpropagate(workspace.deltas[l + 1], through: network.layers[l + 1], below: "
            + "workspace.caches[l], activation: network.layers[l].activation, into: &workspace.deltas[l])`；"
            + "然后 `parameterGradients(workspace.deltas[l], input: l == 0 ? x : workspace.caches[l - 1].a, "
            + "into: &workspace.gradients[l])`。",
    ]),
    "5.4": ChineseExercise(title: "为每种激活函数选一种初始化", hints: [
        "本章对有 n 个输入的单元推出 Var(z) = n·Var(w)·E[a²]。对 0 附近的 tanh 和对 ReLU，"
            + "什么样的 Var(w) 能让 Var(z) 逐层保持不变？",
        "对 tanh，在 0 附近 a ≈ z，所以 E[a²] ≈ Var(z)。ReLU 在 z > 0 处让 z 通过，其余处给出 0："
            + "对关于 0 对称的 z，E[z²] 中有多大一部分留在 E[a²] 里？n 是输入的个数，即 W 的列数。"
            + "N(0, 1) 乘以 s 后方差为 s²。",
        "Var(w) 对 .xavier 为 1/n，对 .he 为 2/n，对 .normal 为 1，其中 n = inputs；每个权重是 "
            + "√Var(w) × generator.normal()。",
    ]),
    "5.5": ChineseExercise(title: "带动量的一次训练步", hints: [
        "第 4 章的 sgdStep，换上你第 5 章的循环和 softmaxCrossEntropy。每个速度在两步之间记住了什么？",
        "前向（5.3），然后是损失（它设定最后一层的 δ），然后反向（5.3）。然后把最新的一项从和 Δw(k+1) 中"
            + "分出来：剩下的是 μ 乘以一个你已经按它移动过的和。每个速度该存什么，才能让一步先更新它，再更新参数？",
        "`velocity[l].dW.scale(by: mu, adding: workspace.gradients[l].dW, scaledBy: -eta)`，然后 "
            + "`network.layers[l].weights.subtract(velocity[l].dW, scaledBy: -1)`；dB 和偏置同样如此，对每个 l 都做。",
    ]),
])
