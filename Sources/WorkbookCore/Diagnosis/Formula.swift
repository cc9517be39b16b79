import Foundation

/// A computation an exercise asks for, written in the chapter's named quantities,
/// such as δ¹ = ((W²)ᵀδ²) ⊙ σ′(z¹).
///
/// A check states the right computation once; ``Diagnosis`` edits it, one kind of
/// mistake at a time, to find what the learner's code computed instead. Scalars are
/// 1×1 matrices; a batch is whatever the exercise's convention is (columns or rows).
public indirect enum Formula: Sendable, Hashable {
    /// A named matrix of the problem, such as `z¹` or `W²`.
    case quantity(String)
    /// A named size of the problem, such as `m`, the number of examples.
    case size(String)
    /// A number the formula writes, with how the text writes it (`½`, `2`).
    case constant(Double, String)
    /// The matrix product AB.
    case product(Formula, Formula)
    /// The entrywise product A ⊙ B.
    case hadamard(Formula, Formula)
    /// A + B, of one shape.
    case sum(Formula, Formula)
    /// A − B, of one shape.
    case difference(Formula, Formula)
    /// s·A, a scalar (1×1) times a matrix.
    case scaled(Formula, Formula)
    /// A / s, a matrix divided by a scalar (1×1).
    case quotient(Formula, Formula)
    /// Aᵀ.
    case transpose(Formula)
    /// f(A), entry by entry.
    case elementwise(Elementwise, Formula)
    /// The sum of each row over its columns: m×n becomes m×1.
    case rowSums(Formula)
    /// The sum of each column over its rows: m×n becomes 1×n.
    case columnSums(Formula)
    /// The sum of every entry, a 1×1.
    case total(Formula)
    /// A with the column b added to each of its columns.
    case addColumn(Formula, Formula)
    /// A with the row b added to each of its rows.
    case addRow(Formula, Formula)
    /// A with the column b added to its first column only (a mistake's formula).
    case addFirstColumn(Formula, Formula)
    /// A with the row b added to its first row only (a mistake's formula).
    case addFirstRow(Formula, Formula)
    /// The first column of A alone (a mistake's formula: the first example only).
    case firstColumn(Formula)
    /// The first row of A alone.
    case firstRow(Formula)
    /// 1 − A, entry by entry.
    case oneMinus(Formula)
    /// A / B, entry by entry.
    case ratio(Formula, Formula)
    /// A where it is not 0, and B where it is (a mistake's formula: zeros left unwritten in a buffer B).
    case keepingWhereZero(Formula, Formula)
    /// The column of each row's largest entry, as a column of indices, found the way `rule` says.
    case argmax(Formula, ArgmaxRule)
    /// Softmax of each row of A (one example's outputs per row), written the way `shift` says.
    case softmax(Formula, SoftmaxShift)
}

/// How the largest entry of a row is searched for.
public enum ArgmaxRule: String, Sendable, Hashable, CaseIterable {
    /// The first column of the largest: the convention the chapter states.
    case firstLargest = "the first of the largest"
    /// The last column of the largest.
    case lastLargest = "the last of the largest"
    /// A search whose best value starts at 0, not at the row's first entry.
    case fromZero = "a search that starts from the value 0"

    /// The index each row's search ends on.
    public func apply(_ z: Matrix) -> [Int] {
        (0 ..< z.rows).map { row in
            var best = 0
            var bestValue = self == .fromZero ? 0 : z[row, 0]
            for column in (self == .fromZero ? 0 : 1) ..< z.columns {
                let value = z[row, column]
                if value > bestValue || (self == .lastLargest && value == bestValue) { (best, bestValue) = (column, value) }
            }
            return best
        }
    }
}

/// How a softmax is written: what each row is shifted by before exp (which changes
/// nothing in exact arithmetic, and everything once exp overflows), or over which axis.
public enum SoftmaxShift: String, Sendable, Hashable, CaseIterable {
    /// Each row by its largest entry: the right way.
    case rowMaximum = "each row shifted by its largest entry"
    /// Not shifted: e^z overflows for z > 709.
    case none = "e^z with no shift"
    /// Each row by its smallest entry: overflows once a row spans more than 709.
    case rowMinimum = "each row shifted by its smallest entry"
    /// One shift, the batch's largest entry: a row far below it underflows to 0/0.
    case batchMaximum = "one shift for the whole batch (its largest entry)"
    /// Over the columns instead of the rows.
    case columns = "softmax over the columns"
}

/// A function applied entry by entry, with what the catalogue of mistakes needs to
/// know about it: which function it is the derivative of, and that derivative's
/// rule in terms of the function's output (σ′ = a(1 − a) where a = σ(z)).
public struct Elementwise: Sendable, Hashable {
    /// How the text writes it: `σ`, `σ′`, `tanh′`.
    public let name: String
    /// For a derivative, the name of the function it is the derivative of.
    public let derivativeOf: String?
    let apply: @Sendable (Double) -> Double
    /// Whether the name is the whole text of the function applied, such as `z¹(1 − z¹)`.
    let writtenWhole: Bool
    /// For a derivative, its rule written in the function's output, and that rule's text.
    let outputRule: (@Sendable (Double) -> Double, String)?
    /// For a derivative, the same value written with the function itself, such as
    /// σ(u) ⊙ (1 − σ(u)) for σ′(u): a learner may write either, and a mistake in either.
    let expanded: (@Sendable (Formula) -> Formula)?
    /// Whether a naive formula for it takes exp of its input, which overflows for |u| > 709.
    let exponential: Bool
    /// Whether it stands for the function the problem binds to its name (``Environment/functions``),
    /// such as f′ for the slope of whichever activation a layer has.
    public let variable: Bool

    public init(name: String, derivativeOf: String? = nil, outputRule: (@Sendable (Double) -> Double, String)? = nil,
                writtenWhole: Bool = false, expanded: (@Sendable (Formula) -> Formula)? = nil, exponential: Bool = false,
                _ apply: @escaping @Sendable (Double) -> Double) {
        self.name = name
        self.exponential = exponential
        self.variable = false
        self.writtenWhole = writtenWhole
        self.expanded = expanded
        self.derivativeOf = derivativeOf
        self.outputRule = outputRule
        self.apply = apply
    }

    /// A function named in the text (f, f′, fˡ′), whose meaning each problem gives in its environment.
    public static func variable(_ name: String, derivativeOf: String? = nil) -> Elementwise {
        Elementwise(name: name, derivativeOf: derivativeOf, variable: true)
    }

    private init(name: String, derivativeOf: String?, variable: Bool) {
        (self.name, self.derivativeOf, self.variable) = (name, derivativeOf, variable)
        (writtenWhole, outputRule, expanded, exponential) = (false, nil, nil, false)
        apply = { _ in .nan }
    }

    /// This function as `environment` binds it.
    func resolved(in environment: Environment) -> Elementwise { variable ? environment.functions[name] ?? self : self }

    public static func == (lhs: Elementwise, rhs: Elementwise) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public static let sigmoid = Elementwise(name: "σ", exponential: true) { 1 / (1 + Foundation.exp(-$0)) }
    public static let sigmoidPrime = Elementwise(
        name: "σ′", derivativeOf: "σ", outputRule: ({ $0 * (1 - $0) }, "u(1 − u)"),
        expanded: { u in .hadamard(.elementwise(.sigmoid, u), .oneMinus(.elementwise(.sigmoid, u))) }, exponential: true) {
        let s = 1 / (1 + Foundation.exp(-$0))
        return s * (1 - s)
    }
    public static let tanh = Elementwise(name: "tanh", exponential: true) { Foundation.tanh($0) }
    public static let tanhPrime = Elementwise(
        name: "tanh′", derivativeOf: "tanh", outputRule: ({ 1 - $0 * $0 }, "1 − u²"),
        expanded: { u in .oneMinus(.elementwise(.square, .elementwise(.tanh, u))) }, exponential: true) {
        let t = Foundation.tanh($0)
        return 1 - t * t
    }
    public static let relu = Elementwise(name: "ReLU") { max($0, 0) }
    public static let reluPrime = Elementwise(name: "ReLU′", derivativeOf: "ReLU") { $0 > 0 ? 1 : 0 }
    /// softplus(u) = log(1 + eᵘ), whose naive form overflows for u > 709, and its slope σ(u).
    public static let softplus = Elementwise(name: "softplus", exponential: true) {
        max($0, 0) + Foundation.log1p(Foundation.exp(-Swift.abs($0)))
    }
    public static let softplusPrime = Elementwise(name: "softplus′", derivativeOf: "softplus", exponential: true) {
        1 / (1 + Foundation.exp(-$0))
    }
    /// Leaky ReLU, with slope 0.01 on the left of 0 (Chapter 5's `Activation.leak`), and its slope.
    public static let leakyReLU = Elementwise(name: "leaky ReLU") { $0 > 0 ? $0 : 0.01 * $0 }
    public static let leakyReLUPrime = Elementwise(name: "leaky ReLU′", derivativeOf: "leaky ReLU") { $0 > 0 ? 1 : 0.01 }
    public static let exp = Elementwise(name: "exp") { Foundation.exp($0) }
    public static let log = Elementwise(name: "log") { Foundation.log($0) }
    public static let square = Elementwise(name: "(·)²") { $0 * $0 }

    /// log′(u) = 1/u, the slope Exercise 1.6 derives.
    public static let logPrime = Elementwise(name: "log′", derivativeOf: "log",
                                             expanded: { u in .ratio(.constant(1, "1"), u) }) { 1 / $0 }
    /// log″(u) = −1/u², the derivative of log′ (a slope differentiated once too often).
    static let logSecond = Elementwise(name: "log″", derivativeOf: "log′") { -1 / ($0 * $0) }

    /// Every function the catalogue knows, so that one can stand for another.
    public static let known: [Elementwise] = [.sigmoid, .sigmoidPrime, .tanh, .tanhPrime, .relu, .reluPrime]
    /// Every function whose derivative or antiderivative the catalogue knows: those that can stand
    /// for another, and those only their own derivative or antiderivative is mistaken for (Chapter 5's
    /// softplus and leaky ReLU, which would otherwise stand for σ and ReLU, and log with its derivatives).
    static let related: [Elementwise] = known + [.softplus, .softplusPrime, .leakyReLU, .leakyReLUPrime,
                                                 .log, .logPrime, .logSecond]

    /// The function this is the derivative of, when the catalogue knows it (or, for a
    /// function the problem binds, the function of that name).
    var antiderivative: Elementwise? {
        derivativeOf.flatMap { name in variable ? .variable(name) : Self.related.first { $0.name == name } }
    }
    /// The derivative of this function, when the catalogue knows it.
    var derivative: Elementwise? { variable ? nil : Self.related.first { $0.derivativeOf == name } }
}

/// The values a formula is evaluated with: the problem's named matrices and sizes.
public struct Environment: Sendable {
    public var quantities: [String: Matrix]
    /// Sizes by symbol, with what each counts ("the number of examples").
    public var sizes: [String: (value: Double, meaning: String)]
    /// The functions the problem's formulas name without fixing them, such as `f′` for the
    /// slope of a layer's activation: each problem binds the name to that layer's function.
    public var functions: [String: Elementwise]

    public init(quantities: [String: Matrix] = [:], sizes: [String: (value: Double, meaning: String)] = [:],
                functions: [String: Elementwise] = [:]) {
        self.quantities = quantities
        self.sizes = sizes
        self.functions = functions
    }
}

extension Formula {
    /// The formula's value, or `nil` when its shapes do not fit (an edit can make them not fit).
    public func evaluate(in environment: Environment) -> Matrix? {
        switch self {
        case .quantity(let name): return environment.quantities[name]
        case .size(let name): return environment.sizes[name].map { Matrix(rows: 1, columns: 1, repeating: $0.value) }
        case .constant(let value, _): return Matrix(rows: 1, columns: 1, repeating: value)
        case .product(let a, let b):
            guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment), a.columns == b.rows else { return nil }
            return a * b
        case .hadamard(let a, let b): return Self.entrywise(a, b, environment, *)
        case .sum(let a, let b): return Self.entrywise(a, b, environment, +)
        case .difference(let a, let b): return Self.entrywise(a, b, environment, -)
        case .scaled(let s, let a):
            guard let s = s.evaluate(in: environment), s.elements.count == 1, let a = a.evaluate(in: environment) else { return nil }
            return a.map { s.elements[0] * $0 }
        case .quotient(let a, let s):
            guard let s = s.evaluate(in: environment), s.elements.count == 1, let a = a.evaluate(in: environment) else { return nil }
            return a.map { $0 / s.elements[0] }
        case .transpose(let a): return a.evaluate(in: environment)?.transposed
        case .elementwise(let f, let a): return a.evaluate(in: environment)?.map(f.resolved(in: environment).apply)
        case .rowSums(let a): return a.evaluate(in: environment)?.rowSums()
        case .columnSums(let a): return a.evaluate(in: environment)?.transposed.rowSums().transposed
        case .total(let a):
            return a.evaluate(in: environment).map { Matrix(rows: 1, columns: 1, repeating: $0.elements.reduce(0, +)) }
        case .addColumn(let a, let b):
            guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment),
                  b.shape == Shape(rows: a.rows, columns: 1) else { return nil }
            return a.addingToEachColumn(b)
        case .addRow(let a, let b):
            guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment), b.elements.count == a.columns
            else { return nil }
            var result = a
            for row in 0 ..< a.rows { for column in 0 ..< a.columns { result[row, column] += b.elements[column] } }
            return result
        case .addFirstColumn(let a, let b):
            guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment),
                  b.shape == Shape(rows: a.rows, columns: 1), a.columns > 0 else { return nil }
            var result = a
            for row in 0 ..< a.rows { result[row, 0] += b.elements[row] }
            return result
        case .addFirstRow(let a, let b):
            guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment), b.elements.count == a.columns,
                  a.rows > 0 else { return nil }
            var result = a
            for column in 0 ..< a.columns { result[0, column] += b.elements[column] }
            return result
        case .firstColumn(let a):
            guard let a = a.evaluate(in: environment), a.columns > 0 else { return nil }
            return Matrix(rows: a.rows, columns: 1, elements: (0 ..< a.rows).map { a[$0, 0] })
        case .firstRow(let a):
            guard let a = a.evaluate(in: environment), a.rows > 0 else { return nil }
            return Matrix(rows: 1, columns: a.columns, elements: Array(a.elements[0 ..< a.columns]))
        case .oneMinus(let a): return a.evaluate(in: environment)?.map { 1 - $0 }
        case .ratio(let a, let b): return Self.entrywise(a, b, environment, /)
        case .softmax(let a, let shift): return a.evaluate(in: environment).map { Self.softmax($0, shift) }
        case .keepingWhereZero(let a, let b): return Self.entrywise(a, b, environment) { $0 == 0 ? $1 : $0 }
        case .argmax(let a, let rule):
            return a.evaluate(in: environment).map { z in
                let indices = rule.apply(z)
                return Matrix(rows: indices.count, columns: 1, elements: indices.map(Double.init))
            }
        }
    }

    private static func entrywise(_ a: Formula, _ b: Formula, _ environment: Environment,
                                  _ operation: (Double, Double) -> Double) -> Matrix? {
        // A written constant (the 1 of 1 + u) is the same number in every entry.
        if case .constant(let value, _) = a { return b.evaluate(in: environment)?.map { operation(value, $0) } }
        if case .constant(let value, _) = b { return a.evaluate(in: environment)?.map { operation($0, value) } }
        guard let a = a.evaluate(in: environment), let b = b.evaluate(in: environment), a.shape == b.shape else { return nil }
        return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map(operation))
    }

    private static func softmax(_ z: Matrix, _ shift: SoftmaxShift) -> Matrix {
        if shift == .columns { return softmax(z.transposed, .rowMaximum).transposed }
        var result = z
        let batchLargest = z.elements.max() ?? 0
        for row in 0 ..< z.rows {
            let entries = (0 ..< z.columns).map { z[row, $0] }
            let offset: Double = switch shift {
            case .rowMaximum: entries.max() ?? 0
            case .rowMinimum: entries.min() ?? 0
            case .batchMaximum: batchLargest
            case .none, .columns: 0
            }
            let total = entries.reduce(0) { $0 + Foundation.exp($1 - offset) }
            for column in 0 ..< z.columns { result[row, column] = Foundation.exp(entries[column] - offset) / total }
        }
        return result
    }

    /// The formula as the chapter writes it: `((W²)ᵀδ²) ⊙ σ′(z¹)`.
    public var text: String {
        switch self {
        case .quantity(let name), .size(let name), .constant(_, let name): return name
        case .product(let a, let b): return a.operand + b.operand
        case .hadamard(let a, let b): return "\(a.operand) ⊙ \(b.operand)"
        case .sum(let a, let b), .addColumn(let a, let b), .addRow(let a, let b): return "\(a.text) + \(b.operand)"
        case .addFirstColumn(let a, let b): return "\(a.text) + \(b.operand) (first column only)"
        case .addFirstRow(let a, let b): return "\(a.text) + \(b.operand) (first row only)"
        case .firstColumn(let a): return "the first column of \(a.operand)"
        case .firstRow(let a): return "the first row of \(a.operand)"
        case .oneMinus(let a): return "1 − \(a.operand)"
        case .ratio(let a, let b): return "\(a.operand) / \(b.operand)"
        case .keepingWhereZero(let a, let b): return "\(a.text), with \(b.text) where it is 0"
        case .argmax(let a, let rule):
            return rule == .firstLargest ? "argmax(\(a.text))" : "argmax(\(a.text)) by \(rule.rawValue)"
        case .softmax(let a, let shift):
            return shift == .rowMaximum ? "softmax(\(a.text))" : "softmax(\(a.text)) with \(shift.rawValue)"
        case .difference(let a, let b): return "\(a.text) − \(b.operand)"
        case .scaled(.constant(-1, _), let a): return "−\(a.operand)"
        case .scaled(let s, let a): return "\(s.operand)·\(a.operand)"
        case .quotient(let a, let s): return "\(a.operand) / \(s.operand)"
        case .transpose(let a): return "\(a.operand)ᵀ"
        case .elementwise(let f, let a):
            if f == .square { return "\(a.operand)²" }
            if f.writtenWhole { return f.name }
            return "\(f.name)(\(a.text))"
        case .rowSums(let a): return "Σ₍columns₎ \(a.operand)"
        case .columnSums(let a): return "Σ₍rows₎ \(a.operand)"
        case .total(let a): return "Σ \(a.operand)"
        }
    }

    /// The text, in parentheses when it is made of more than one piece.
    var operand: String {
        switch self {
        // A name with spaces is parenthesised, unless it is a function's value: f(x − h).
        case .quantity(let name) where name.contains(" ")
            && !(name.hasSuffix(")") && !name.prefix(while: { $0 != "(" }).contains(" ") && !name.hasPrefix("(")):
            return "(\(name))"
        case .quantity, .size, .constant, .elementwise, .transpose: return text
        // A product with a factor binds as tightly as a product: η·g in μ·v − η·g.
        case .scaled(let s, let a) where a.operand == a.text:
            if case .constant(let value, _) = s, value < 0 { return "(\(text))" }
            return text
        default: return "(\(text))"
        }
    }
}
