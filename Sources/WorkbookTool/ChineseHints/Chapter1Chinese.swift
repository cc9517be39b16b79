/// Chapter 1 in Chinese: the titles and hints of Sources/Chapter1Checks/Chapter1Exercises.swift.
let chapter1Chinese = ChineseChapter(title: "链式法则", exercises: [
    "1.1": ChineseExercise(title: "前向差分与中心差分", hints: [
        "导数就是斜率：纵向变化除以横向变化。每种估计各用哪两个点？",
        "纵向变化是 f 的两个值之差；横向变化是两个 x 之间的距离。x − h 与 x + h 相距多远？",
        "前向：(f(x + h) − f(x)) / h。中心：(f(x + h) − f(x − h)) / (2h)。",
    ]),
    "1.2": ChineseExercise(title: "函数链上的链式法则", hints: [
        "x 的一个微小变化先被 f 缩放，再被 g，再被 h。每一步缩放多少？",
        "每一步都按该函数在它自己的输入处的导数缩放：f 在 x 处，g 在 f(x) 处，h 在 g(f(x)) 处——而不是都在 x 处。",
        "导数是 f′(x) · g′(f(x)) · h′(g(f(x)))：先把函数链向前运行一遍，记下每个函数的输入，"
            + "再把每个函数在其输入处的导数相乘。",
        "向前循环，在 `current = function.value(current)` 之前先 `inputs.append(current)`；"
            + "然后在 `zip(functions, inputs)` 上把 `function.derivative(input)` 连乘起来。",
    ]),
    "1.3": ChineseExercise(title: "+ 与 * 的反向规则", hints: [
        "∂(lhs + rhs)/∂lhs 是多少？∂(lhs · rhs)/∂lhs 呢？",
        "每个操作数分到的份额是它的局部导数乘以 out.grad，即已经从上方到达这个节点的梯度（只有在根节点处才是 1）。",
        "对 +：给每个操作数 1 · out.grad。对 ·：给 lhs 的是 rhs.data · out.grad，给 rhs 的是 lhs.data · out.grad。"
            + "用 += 累加，绝不要用 =：在 x · x 中两个操作数是同一个节点，两份都必须落进 x.grad。",
    ]),
    "1.4": ChineseExercise(title: "pow、exp、tanh 与 sigmoid 的反向规则", hints: [
        "每条规则都把 (局部导数) · out.grad 加到 self.grad 上。每个函数在 x = self.data 处的导数是多少？",
        "四个导数中有三个可以用函数自己的输出 out.data 来写，而节点已经存着它。是哪三个？",
        "d(xⁿ)/dx = n·xⁿ⁻¹（在 self.data 处）；d(eˣ)/dx = eˣ；d(tanh x)/dx = 1 − tanh²(x)；σ′(x) = σ(x)(1 − σ(x))。"
            + "输出 eˣ、tanh x 和 σ(x) 就是 out.data。",
    ]),
    "1.5": ChineseExercise(title: "在整个计算图上反向传播", hints: [
        "一个节点什么时候可以把它的梯度传给它的子节点？想一想被另外两个节点使用的节点。",
        "只有当它完整时：在每个使用它的节点（它的父节点）都把份额传给它之后。"
            + "所以按子节点在前的顺序排列节点——即拓扑排序——再按相反顺序运行各条规则。",
        "深度优先：visit(node) 在节点已访问过时立即返回；否则先访问它的每个子节点，再把这个节点追加到顺序末尾。"
            + "backward() 在根节点上设 grad = 1，然后按反转后的顺序运行每个 backwardRule。",
    ]),
    "1.6": ChineseExercise(title: "自己的运算：log 与 relu", hints: [
        "每条规则都把 (局部导数) · out.grad 加到 self.grad 上，和 1.4 一样。log 在 x 处的斜率是多少？"
            + "relu 在 0 的左边和右边呢？",
        "log 在 x 处的斜率取决于输入 x（self.data），而不是 log x。relu 在 0 的两侧各是一条直线；"
            + "在 0 处它有一个折点而没有斜率，所以规则必须选一个值。",
        "d(log x)/dx = 1/x；relu′(x) 在 x > 0 时为 1，在 x < 0 时为 0，在 x = 0 处取 0 到 1 之间的任何值都可以（通常取 0）。",
    ]),
    "1.7": ChineseExercise(title: "由 Value 构成的两层网络", hints: [
        "一个单元从它的输入计算出什么？先为隐藏单元 i 写出来，再把它用于输出单元，输出单元的输入是隐藏层的激活值。",
        "一个单元是它的输入的加权和加上偏置，再经过 sigmoid——全部用 Value 自己的 +、* 和 sigmoid()，"
            + "作用在给你的那些 Value 上（用 Value(w.data) 做的副本是一个新的叶节点，backward() 永远到不了它）。"
            + "损失把各输出上的 ½(ŷₖ − tₖ)² 加起来。",
        "hidden[i] = (b1[i] + Σⱼ W1[i][j] * x[j]).sigmoid()；yHat[k] = (b2[k] + Σᵢ W2[k][i] * hidden[i])"
            + ".sigmoid()；return Σₖ 0.5 * (yHat[k] − t[k]) * (yHat[k] − t[k])。",
    ]),
])
