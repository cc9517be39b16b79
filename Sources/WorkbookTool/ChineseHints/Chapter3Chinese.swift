/// Chapter 3 in Chinese: the titles and hints of Sources/Chapter3Checks/Chapter3Exercises.swift.
let chapter3Chinese = ChineseChapter(title: "XOR", exercises: [
    "3.1": ChineseExercise(title: "XOR 数据", hints: [
        "XOR 有四个样本。输入是哪些，每个的 x₁ XOR x₂ 是多少？",
        "每列一个样本：输入（2×4）按列存放 (0, 0)、(0, 1)、(1, 0) 和 (1, 1)；目标（1×4）存放它们的 XOR：0, 1, 1, 0。",
        "`Matrix([[0, 0, 1, 1], [0, 1, 0, 1]])` 按行构造一个矩阵。",
    ]),
    "3.2": ChineseExercise(title: "一次训练步", hints: [
        "`functions` 给你 loss、backprop 和 step。它们必须按什么顺序运行，你返回哪个数？",
        "要返回的损失是这一步改变网络之前的那个，所以先测量它。",
        "`let loss = functions.loss(network, x, t)`，然后 `functions.step(&network, "
            + "functions.backprop(network, x, t), eta)`，再 return loss。",
    ]),
    "3.3": ChineseExercise(title: "训练循环", hints: [
        "trainingStep 返回什么，它必须运行多少次？",
        "每个迭代周期一次 trainingStep，每次都作用在同一个网络上（它是 inout 的，所以每一步都从上一步结束的地方开始），"
            + "并记下它的返回值。",
        "`for _ in 0 ..< epochs { history.append(trainingStep(&network, …)) }`，然后 return history。",
    ]),
    "3.4": ChineseExercise(title: "预测与准确率", hints: [
        "sigmoid 的输出在 0 与 1 之间。两类之间的边界在哪里，恰好为 0.5 的值落在哪一边？",
        "输出为 0.5 或更大时属于类别 1。准确率是 0 到 1 之间的比例，不是计数——而两个 Int 的比例需要用 Double。",
        "classify：`outputs.elements.map { $0 >= 0.5 ? 1 : 0 }`；accuracy：Double(答对的个数) / "
            + "Double(predictions.count)。",
    ]),
])
