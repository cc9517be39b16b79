/// Chapter 4 in Chinese: the titles and hints of Sources/Chapter4Checks/Chapter4Exercises.swift.
let chapter4Chinese = ChineseChapter(title: "MNIST", exercises: [
    "4.1": ChineseExercise(title: "一个由图像和独热编码标签组成的小批量", hints: [
        "样本 e 的图像在 split.pixels 中从哪里开始，它放到 x 的哪里？",
        "x 的第 j 行是图像 examples[j]：它的 imageSize 个像素从 examples[j] × imageSize 开始，每个都从 0–255 "
            + "缩放到 0–1。t 的第 j 行全为 0，只在标签那一列为 1——而且不能残留上一个批量的任何东西。",
        "对每个像素 p（包括为 0 的）x[j, p] = Double(pixel) / 255；先 `t.setZero()`，再 t[j, label] = 1。",
    ]),
    "4.2": ChineseExercise(title: "批量化的前向传播", hints: [
        "第 2 章的 z¹ = W¹x 每列一个样本。若每行一个样本，哪个乘积给出 m×hidden 的 z¹？",
        "把第 2 章的乘积转置：(W¹X)ᵀ = X(W¹)ᵀ。然后偏置加到每一行上，σ 逐元素作用。",
        "`Matrix.multiply(x, transposing: network.W1, into: &workspace.z1)`、"
            + "`workspace.z1.addToEachRow(network.b1)`、`workspace.a1.assign(workspace.z1, sigmoid)`；"
            + "第 2 层从 a1 出发同样如此。",
    ]),
    "4.3": ChineseExercise(title: "批量化的反向传播", hints: [
        "第 2 章的公式每列一个样本。当乘积里的每个矩阵都被转置时，每个乘积会怎样？",
        "(AB)ᵀ = BᵀAᵀ：转置移到另一边，对样本的求和变成对行的求和（`columnSums`）。",
        "δ¹ = (δ²W²) ⊙ σ′(z¹)；∂L/∂W² = (1/m)(δ²)ᵀa¹；∂L/∂b² = (1/m) × δ² 的列和；第 1 层用 δ¹ 和 X 同样如此。",
        "权重梯度用 `Matrix.multiply(transposing: workspace.delta2, workspace.a1, into: &workspace.gradients.dW2, "
            + "scaledBy: 1 / m)`；偏置用 `columnSums(into:)`，再 `scale(by: 1 / m)`。",
    ]),
    "4.4": ChineseExercise(title: "打乱顺序的小批量 SGD 的一个迭代周期", hints: [
        "哪些样本进入哪个批量，随机性从哪里来？",
        "用传进来的生成器打乱样本的一份副本（inout，这样下一个迭代周期得到新的顺序），"
            + "然后依次取出每个含 x.rows 个样本的完整批量。",
        "`var order = examples; order.shuffle(using: &generator)`；`for start in stride(from: 0, through: "
            + "order.count - batchSize, by: batchSize)` 填充每个完整的批量并走一步；返回总损失除以批量的个数。",
    ]),
    "4.5": ChineseExercise(title: "预测与混淆矩阵", hints: [
        "一行的十个输出中，哪一个是网络的答案？",
        "预测是该行最大输出所在的列（数字），不论它的正负；混淆矩阵对每个真实数字（行）统计每个数字被预测的次数（列）。",
        "对每一对执行 counts[actual][predicted] += 1：对角线上是答对的。",
    ]),
    "4.6": ChineseExercise(title: "进阶：softmax 与交叉熵", hints: [
        "当 z = 1000 或 z = −1000 时，e^z 会怎样？给一整行加上同一个常数会改变它的 softmax 吗？",
        "不会：在取指数之前减去每行自己最大的元素。对 δ²，通过 softmax 对 −Σₖ tₖ log ŷₖ 求导；"
            + "当 t 是独热编码、因而 Σₖ tₖ = 1 时，还剩下什么？",
        "softmax(z)ₖ = e^{zₖ − max z} / Σᵢ e^{zᵢ − max z}；t 为独热编码时，∂(−Σ t log softmax(z))/∂z = "
            + "softmax(z) − t，所以 δ² = ŷ − t，逐元素计算。",
    ]),
    "4.7": ChineseExercise(title: "进阶：L2 权重衰减", hints: [
        "惩罚项是权重的平方和，每个权重出现一次。当一个权重 w 变化一点时，这个和怎样变化？偏置出现在其中吗？",
        "对 (λ/2n) w² 关于 w 求导：指数落下来与 ½ 相遇。每个权重的梯度多出一项，与该权重成正比；偏置的梯度什么也不多。",
        "penalty = λ/(2n) · Σ w²，对 W¹ 和 W² 求和；dW1 += (λ/n) W1，dW2 += (λ/n) W2；dB1 和 dB2 不变。",
    ]),
])
