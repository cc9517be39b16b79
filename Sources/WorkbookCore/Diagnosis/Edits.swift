import Foundation

/// What kind of mistake an edit of a computation is: the catalogue, defined once.
public enum MistakeKind: String, Codable, Sendable, CaseIterable {
    case substitution = "a quantity in place of another"
    case missingFactor = "a factor left out"
    case missingTerm = "a term left out"
    case extraFactor = "a factor added"
    case extraTerm = "a term added"
    case derivativeAtOutput = "a derivative at the function's output"
    case wrongFunction = "another function"
    case wrongConstant = "another constant"
    case reduction = "a wrong reduction"
    case transpose = "a transpose"
    case sign = "a sign"
    case precedence = "operator precedence"
    case integerDivision = "integer division"
    case overflow = "a formula that overflows"
    case state = "stale state"
    case order = "wrong order"
    case unwritten = "a result never written"
}

/// A cause, as data: what kind of mistake, the quantities it involves, and its words.
public struct Cause: Codable, Sendable, Hashable {
    public let kind: MistakeKind
    public let quantities: [String]
    /// What the learner's code computed, in the chapter's symbols.
    public let computed: String
    public let text: String
    /// The result it explains ("δ¹"), once the diagnosis has named it.
    public var result = ""

    public init(kind: MistakeKind, quantities: [String], computed: String, text: String, result: String = "") {
        self.kind = kind
        self.quantities = quantities
        self.computed = computed
        self.text = text
        self.result = result
    }

    /// The same mistake in another learner's code: the result, the kind of mistake and what was
    /// computed instead, for counting a class's mistakes (the words hold the problems' numbers).
    public var mistake: String { [result, kind.rawValue, computed].joined(separator: "|") }
}

/// One edit of a computation: the formula it gives, and how to say what changed.
struct Edit: Sendable {
    let formula: Formula
    let kind: MistakeKind
    let quantities: [String]
    let words: @Sendable (Environment) -> String

    /// The cause, with what each size in the computed formula means when the words do not say
    /// ("(yours is c …)" alone would leave c undefined).
    func cause(in environment: Environment) -> Cause {
        let text = words(environment)
        let definitions = formula.sizeNames.compactMap { name in
            environment.sizes[name].flatMap { text.contains($0.meaning) ? nil : "\(name) is \($0.meaning)" }
        }
        return Cause(kind: kind, quantities: quantities, computed: formula.text,
                     text: text + (definitions.isEmpty ? "" : "; " + definitions.joined(separator: ", ")))
    }
}

/// How a size reads in a cause: "the number of examples m = 7".
func sizeText(_ name: String, _ environment: Environment) -> String {
    guard let size = environment.sizes[name] else { return name }
    // A size named by its own value (the largest pixel value, 255) is not said twice.
    let value = formatNumber(size.value)
    return value == name ? "\(size.meaning) \(name)" : "\(size.meaning) \(name) = \(value)"
}

extension Formula {
    /// Every formula one edit of the catalogue away from this one.
    ///
    /// Edits that take something out or change it come before edits that add a factor, so
    /// that when both give the same numbers the cause names what is missing.
    func edits(in environment: Environment) -> [Edit] {
        var result = localEdits(in: environment) + replacements(in: environment)
        var additions = addedFactorEdits
        let parts = children
        for (index, child) in parts.enumerated() {
            for edit in child.edits(in: environment) {
                var replaced = parts
                replaced[index] = edit.formula
                let rebuilt = Edit(formula: with(children: replaced), kind: edit.kind, quantities: edit.quantities,
                                   words: edit.words)
                if edit.kind == .extraFactor { additions.append(rebuilt) } else { result.append(rebuilt) }
            }
        }
        return result + additions
    }

    /// A scaled term with a factor 2 or ½ too many (a derivative's 2 kept beside a ½ that cancels it).
    private var addedFactorEdits: [Edit] {
        guard case .scaled = self else { return [] }
        let term = self
        return [(2.0, "2"), (0.5, "½")].map { value, name in
            Edit(formula: .scaled(.constant(value, name), self), kind: .extraFactor, quantities: [],
                 words: { _ in "\(term.text) is multiplied by \(name): a factor \(name) that does not belong" })
        }
    }

    /// A quantity of the same shape in place of this computed part (a stale buffer in place of
    /// the whole result, the velocity before its update in place of the updated one, …).
    private func replacements(in environment: Environment) -> [Edit] {
        guard !children.isEmpty, let value = evaluate(in: environment) else { return [] }
        let whole = self
        return environment.quantities.keys.sorted().filter { environment.quantities[$0]?.shape == value.shape }.map { name in
            Edit(formula: .quantity(name), kind: .substitution, quantities: [name],
                 words: { _ in "\(name) was used where \(whole.text) belongs" })
        }
    }

    /// Edits of the whole result: a factor, a sign or a term it should not have.
    func outerEdits(in environment: Environment) -> [Edit] {
        let whole = self
        var result = [Edit(formula: .scaled(.constant(-1, "−1"), self), kind: .sign, quantities: [],
                           words: { _ in "the sign is flipped (a − b where b − a was meant?)" }),
                      Edit(formula: .transpose(self), kind: .transpose, quantities: [],
                           words: { _ in "it is transposed: the right value is \(whole.text)" })]
        for name in environment.sizes.keys.sorted() {
            result.append(Edit(formula: .scaled(.size(name), self), kind: .extraFactor, quantities: [name],
                               words: { "it is multiplied by \(sizeText(name, $0)), which does not belong" }))
            result.append(Edit(formula: .quotient(self, .size(name)), kind: .extraFactor, quantities: [name],
                               words: { "it is divided by \(sizeText(name, $0)), which does not belong" }))
        }
        result.append(Edit(formula: .scaled(.constant(0, "0"), self), kind: .unwritten, quantities: [],
                           words: { _ in "every entry is 0 where \(whole.text) belongs: is anything written to it?" }))
        for (value, name) in [(2.0, "2"), (0.5, "½")] {
            result.append(Edit(formula: .scaled(.constant(value, name), self), kind: .extraFactor, quantities: [],
                               words: { _ in "it is \(name) × the right value: a factor \(name) that does not belong" }))
        }
        for name in environment.quantities.keys.sorted() {
            result.append(Edit(formula: .keepingWhereZero(self, .quantity(name)), kind: .state, quantities: [name],
                               words: { _ in "where \(whole.text) is 0, \(name) is still there: write every entry, zeros included" }))
            result.append(Edit(formula: .sum(self, .quantity(name)), kind: .extraTerm, quantities: [name],
                               words: { _ in "\(name) was added to \(whole.text)" }))
            for factor in [Formula.quantity(name)] + Elementwise.known.filter { $0.derivativeOf != nil }.map({ .elementwise($0, .quantity(name)) }) {
                result.append(Edit(formula: .hadamard(self, factor), kind: .extraFactor, quantities: [name],
                                   words: { _ in "the factor \(factor.text) was multiplied in; it does not belong in \(whole.text)" }))
            }
        }
        return result
    }

    private func localEdits(in environment: Environment) -> [Edit] {
        switch self {
        case .quantity(let name):
            var result = environment.quantities.keys.sorted().filter { $0 != name }.map { other in
                Edit(formula: .quantity(other), kind: .substitution, quantities: [name, other],
                     words: { _ in "\(other) was used where \(name) belongs" })
            }
            result.append(Edit(formula: .transpose(self), kind: .transpose, quantities: [name],
                               words: { _ in "\(name) is transposed: \(name)ᵀ was used where \(name) belongs" }))
            // A factor that belongs to a neighbouring term (an input beside a weight's gradient, say).
            let shape = environment.quantities[name]?.shape
            for other in environment.quantities.keys.sorted() where other != name && environment.quantities[other]?.shape == shape {
                result.append(Edit(formula: .hadamard(self, .quantity(other)), kind: .extraFactor, quantities: [name, other],
                                   words: { _ in "\(name) was multiplied entry by entry by \(other), which does not belong here" }))
            }
            return result
        case .size(let name):
            return environment.sizes.keys.sorted().filter { $0 != name }.map { other in
                Edit(formula: .size(other), kind: .wrongConstant, quantities: [name, other],
                     words: { "it uses \(sizeText(other, $0)) where \(sizeText(name, $0)) belongs" })
            }
        case .constant(let value, let name):
            guard value != 1, value != -1 else { return [] }
            let inverse = 1 / value
            let inverseName = value == 2 ? "½" : value == 0.5 ? "2" : "1/\(name)"
            return [Edit(formula: .constant(inverse, inverseName), kind: .wrongConstant, quantities: [],
                         words: { _ in "it uses \(inverseName) where \(name) belongs" })]
        case .product(let a, let b):
            return [Edit(formula: a, kind: .missingFactor, quantities: [b.text], words: { _ in "the product with \(b.text) is missing" }),
                    Edit(formula: b, kind: .missingFactor, quantities: [a.text], words: { _ in "the product with \(a.text) is missing" }),
                    Edit(formula: .product(b, a), kind: .substitution, quantities: [b.text, a.text],
                         words: { _ in "the product is in the wrong order: \(b.operand)\(a.operand)" })]
        case .hadamard(let a, let b):
            return [Edit(formula: a, kind: .missingFactor, quantities: [b.text], words: { _ in "the factor \(b.text) is missing" }),
                    Edit(formula: b, kind: .missingFactor, quantities: [a.text], words: { _ in "the factor \(a.text) is missing" })]
        case .sum(let a, let b):
            return [Edit(formula: a, kind: .missingTerm, quantities: [b.text], words: { _ in Self.missing(b, from: a) }),
                    Edit(formula: b, kind: .missingTerm, quantities: [a.text], words: { _ in Self.missing(a, from: b) }),
                    Edit(formula: .difference(a, b), kind: .sign, quantities: [b.text],
                         words: { _ in "\(b.text) is subtracted where it should be added" })]
        case .difference(let a, let b):
            return [Edit(formula: a, kind: .missingTerm, quantities: [b.text], words: { _ in "the term − \(b.text) is missing" }),
                    Edit(formula: .scaled(.constant(-1, "−1"), b), kind: .missingTerm, quantities: [a.text],
                         words: { _ in "the term \(a.text) is missing" }),
                    Edit(formula: .difference(b, a), kind: .sign, quantities: [b.text, a.text],
                         words: { _ in "the sign is flipped: \(b.text) − \(a.operand) where \(a.text) − \(b.operand) belongs" }),
                    Edit(formula: .sum(a, b), kind: .sign, quantities: [b.text],
                         words: { _ in "\(b.text) is added where it should be subtracted" })]
        case .scaled(let s, let a):
            // A factor of 0 is how a computation says a term must vanish (a bias is not penalised).
            let missing = if case .constant(0, _) = s { "it adds a term with \(a.text) that must be multiplied by \(s.text)" }
                else { "the factor \(s.text) is missing" }
            var result = [Edit(formula: a, kind: .missingFactor, quantities: [s.text], words: { _ in missing }),
                          Edit(formula: .quotient(a, s), kind: .wrongConstant, quantities: [s.text],
                               words: { _ in "it divides by \(s.text) where it should multiply" })]
            if case .scaled(let first, let second) = s {
                result.append(Edit(formula: .scaled(first, .quotient(a, second)), kind: .precedence, quantities: [second.text],
                                   words: { _ in "\(second.text) divides where it should multiply" }))
            }
            if case .size = s {
                // A factor of another of the problem's sizes, or one minus it (a damping such as (1 − μ)).
                for name in environment.sizes.keys.sorted() {
                    for factor in [Formula.size(name), .oneMinus(.size(name))] {
                        let added = Formula.scaled(s, .scaled(factor, a))
                        result.append(Edit(formula: added, kind: .extraFactor, quantities: [name],
                                           words: { _ in "a factor \(factor.operand) that does not belong: \(added.text) where "
                                               + "\(s.operand)·\(a.operand) belongs" }))
                    }
                }
            }
            return result
        case .quotient(let a, let s):
            var result = [Edit(formula: a, kind: .missingFactor, quantities: [s.text],
                               words: { environment in
                                   if case .size(let name) = s { return "the division by \(sizeText(name, environment)) is missing" }
                                   return "the division by \(s.text) is missing" }),
                          Edit(formula: .scaled(s, a), kind: .wrongConstant, quantities: [s.text],
                               words: { _ in "it multiplies by \(s.text) where it should divide" })]
            if case .size(let name) = s {
                result.append(Edit(formula: .scaled(.elementwise(.integerReciprocal, s), a), kind: .integerDivision,
                                   quantities: [name],
                                   words: { _ in "integer division: 1 / \(name) in Int is 0 for \(name) > 1, so the result "
                                       + "is 0: write 1.0 / Double(\(name))" }))
                result.append(Edit(formula: .elementwise(.floor, self), kind: .integerDivision, quantities: [name],
                                   words: { _ in "integer division: \(a.text) / \(name) in Int drops the fraction: divide Doubles" }))
            }
            if case .scaled(let first, let second) = s {
                result.append(Edit(formula: .scaled(second, .quotient(a, first)), kind: .precedence, quantities: [first.text, second.text],
                                   words: { _ in "operator precedence: a / \(first.text) * \(second.text) divides by "
                                       + "\(first.text) and then multiplies by \(second.text); write a / (\(first.text) * \(second.text))" }))
            }
            return result
        case .transpose(let a):
            return [Edit(formula: a, kind: .transpose, quantities: [a.text],
                         words: { _ in "\(a.text) is not transposed: \(a.operand)ᵀ belongs here" })]
        case .elementwise(let f, let u):
            return Self.functionEdits(f, u, environment)
        case .rowSums(let a):
            return [Edit(formula: .columnSums(a), kind: .reduction, quantities: [a.text],
                         words: { _ in "\(a.text) was summed along the wrong axis: over each column instead of each row" }),
                    Edit(formula: a, kind: .reduction, quantities: [a.text], words: { _ in "\(a.text) is not summed over its columns" }),
                    Edit(formula: .firstColumn(a), kind: .reduction, quantities: [a.text],
                         words: { _ in "only the first column of \(a.text) is taken, not the sum of its columns" })]
        case .columnSums(let a):
            return [Edit(formula: .rowSums(a), kind: .reduction, quantities: [a.text],
                         words: { _ in "\(a.text) was summed along the wrong axis: over each row instead of each column" }),
                    Edit(formula: a, kind: .reduction, quantities: [a.text], words: { _ in "\(a.text) is not summed over its rows" }),
                    Edit(formula: .firstRow(a), kind: .reduction, quantities: [a.text],
                         words: { _ in "only the first row of \(a.text) is taken, not the sum of its rows" })]
        case .total(let a):
            return [Edit(formula: .rowSums(a), kind: .reduction, quantities: [a.text], words: { _ in "only each row of \(a.text) is summed" }),
                    Edit(formula: .columnSums(a), kind: .reduction, quantities: [a.text], words: { _ in "only each column of \(a.text) is summed" })]
        case .addColumn(let a, let b):
            return [Edit(formula: a, kind: .missingTerm, quantities: [b.text], words: { _ in "the bias \(b.text) is missing" }),
                    Edit(formula: .addFirstColumn(a, b), kind: .missingTerm, quantities: [b.text],
                         words: { _ in "\(b.text) was added to the first example (column) only: add it to every column" })]
        case .addRow(let a, let b):
            return [Edit(formula: a, kind: .missingTerm, quantities: [b.text], words: { _ in "the bias \(b.text) is missing" }),
                    Edit(formula: .addFirstRow(a, b), kind: .missingTerm, quantities: [b.text],
                         words: { _ in "\(b.text) was added to the first example (row) only: add it to every row" })]
        case .addFirstColumn, .addFirstRow, .firstColumn, .firstRow:
            return []
        case .ratio(let a, let b):
            return [Edit(formula: a, kind: .missingFactor, quantities: [b.text], words: { _ in "the division by \(b.text) is missing" }),
                    Edit(formula: .hadamard(a, b), kind: .wrongConstant, quantities: [a.text, b.text],
                         words: { _ in "it multiplies by \(b.text) where it should divide" }),
                    Edit(formula: .ratio(b, a), kind: .substitution, quantities: [a.text, b.text],
                         words: { _ in "the fraction is upside down: \(b.operand) / \(a.operand)" })]
        case .keepingWhereZero:
            return []
        case .argmax(let a, let rule):
            guard rule == .firstLargest else { return [] }
            return [Edit(formula: .argmax(a, .lastLargest), kind: .order, quantities: [],
                         words: { _ in "a tie goes to the last of the largest columns; the chapter's convention is the first "
                             + "(keep the earlier column unless a later one is strictly larger)" }),
                    Edit(formula: .argmax(a, .fromZero), kind: .wrongConstant, quantities: [],
                         words: { _ in "the search for the largest starts from the value 0, so a row whose outputs are all "
                             + "negative never moves from column 0: start from the row's first output" }),
                    Edit(formula: .argmax(.transpose(a), .firstLargest), kind: .reduction, quantities: [],
                         words: { _ in "the largest of each column was taken; the prediction is the largest of each row" })]
        case .softmax(let a, let shift):
            guard shift == .rowMaximum else { return [] }
            return SoftmaxShift.allCases.filter { $0 != .rowMaximum }.map { other in
                let words: String = switch other {
                case .columns: "softmax over the columns: each row (one example's outputs) must sum to 1, not each column"
                case .batchMaximum: "one shift for the whole batch: a row far below the batch's largest entry has every e^z "
                    + "underflow to 0 (0/0); shift each row by its own largest entry (softmax is unchanged by adding a "
                    + "constant to a row, but not by one constant for the whole batch)"
                case .rowMinimum: "each row is shifted by its smallest entry: e^z overflows once a row spans more than "
                    + "709; shift by the largest, so that every exponent is ≤ 0"
                case .none, .rowMaximum: "e^z overflows for z > 709 (∞/∞ is NaN): subtract each row's largest entry first"
                }
                return Edit(formula: .softmax(a, other), kind: other == .columns ? .reduction : .overflow, quantities: [],
                            words: { _ in words })
            }
        case .oneMinus(let a):
            return [Edit(formula: a, kind: .missingTerm, quantities: [], words: { _ in "1 − is missing: \(a.text) where 1 − \(a.operand) belongs" }),
                    Edit(formula: .scaled(.constant(-1, "−1"), .oneMinus(a)), kind: .sign, quantities: [],
                         words: { _ in "\(a.operand) − 1 is the wrong way round: 1 − \(a.operand)" }),
                    Edit(formula: .sum(.constant(1, "1"), a), kind: .sign, quantities: [],
                         words: { _ in "1 + \(a.operand) where 1 − \(a.operand) belongs: the sign of \(a.operand) is flipped" })]
        }
    }

    private static func missing(_ term: Formula, from rest: Formula) -> String {
        if case .quantity(let name) = term {
            return "the term \(name) is missing: the result overwrites \(name) (=) instead of adding to it (+=)?"
        }
        return "the term \(term.text) is missing"
    }

    private static func functionEdits(_ f: Elementwise, _ u: Formula, _ environment: Environment) -> [Edit] {
        let applied = Formula.elementwise(f, u)
        var result = [Edit(formula: u, kind: .missingFactor, quantities: [f.name],
                           words: { _ in "\(f == .square ? "the square" : f.name) is missing: \(u.text) where \(applied.text) belongs" })]
        if let g = f.antiderivative {
            let output = Formula.elementwise(g, u)
            result.append(Edit(formula: .elementwise(f, output), kind: .derivativeAtOutput, quantities: [f.name],
                               words: { environment in
                                   "\(f.name) was taken at \(output.named(in: environment)) instead of \(u.text): \(f.name) takes "
                                       + "\(g.name)'s input, not its output" }))
            if let (rule, ruleText) = f.outputRule {
                let applied = ruleText.replacingOccurrences(of: "u", with: u.operand)
                result.append(Edit(formula: .elementwise(Elementwise(name: applied, writtenWhole: true, rule), u), kind: .derivativeAtOutput,
                                   quantities: [f.name],
                                   words: { _ in "\(applied) is not \(f.name)(\(u.text)): \(ruleText) is \(f.name) in terms of "
                                       + "\(g.name)'s output u = \(g.name)(\(u.text)), not its input" }))
            }
            result.append(Edit(formula: .elementwise(g, u), kind: .wrongFunction, quantities: [f.name, g.name],
                               words: { _ in "\(g.name)(\(u.text)) was used where its derivative \(f.name)(\(u.text)) belongs" }))
        }
        // The functions the problem names (another layer's f′) before those the catalogue knows.
        let bound = environment.functions.keys.sorted().map { Elementwise.variable($0, derivativeOf: environment.functions[$0]?.derivativeOf) }
        for other in bound + Elementwise.known where other != f && (other.derivativeOf == nil) == (f.derivativeOf == nil) {
            result.append(Edit(formula: .elementwise(other, u), kind: .wrongFunction, quantities: [f.name, other.name],
                               words: { _ in "\(other.name) was used where \(f.name) belongs" }))
        }
        if let d = f.derivative {
            result.append(Edit(formula: .elementwise(d, u), kind: .wrongFunction, quantities: [f.name, d.name],
                               words: { _ in "the derivative \(d.name) was used where \(f.name) itself belongs" }))
        }
        // The sign of the input flipped, f(−u), unless f is odd (then it is the outer sign).
        if !f.variable, f.apply(-0.75) != -f.apply(0.75) {
            let flipped = Formula.elementwise(f, .scaled(.constant(-1, "−1"), u))
            result.append(Edit(formula: flipped, kind: .sign, quantities: [f.name],
                               words: { _ in "this is \(flipped.text): the sign of \(u.text) inside \(f.name) is flipped "
                                   + "(eᶻ where e⁻ᶻ belongs?)" }))
        }
        if f.exponential { result += overflowEdits(f, u) }
        if let expanded = f.expanded?(u) {
            // The same derivative written with the function itself: a mistake in that form is one edit too.
            for edit in expanded.edits(in: Environment(quantities: [:])) {
                result.append(Edit(formula: edit.formula, kind: edit.kind, quantities: edit.quantities,
                                   words: { environment in "in \(f.name)(\(u.text)) = \(expanded.text): " + edit.words(environment) }))
            }
        }
        return result
    }

    /// f computed from exponentials in a form that overflows: right where |u| ≤ 709, and NaN or ∞
    /// beyond, on the side where exp of the input (or of minus it) exceeds the largest Double.
    private static func overflowEdits(_ f: Elementwise, _ u: Formula) -> [Edit] {
        let limit = 709.78
        let sides: [(String, @Sendable (Double) -> Bool)] = [
            ("\(u.text) > 709", { $0 > limit }), ("\(u.text) < −709", { $0 < -limit }), ("|\(u.text)| > 709", { abs($0) > limit }),
        ]
        return sides.map { side, overflows in
            let naive = Elementwise(name: "\(f.name)(\(u.text)) with NaN or ∞ where \(side)", writtenWhole: true) {
                overflows($0) ? .nan : f.apply($0)
            }
            return Edit(formula: .elementwise(naive, u), kind: .overflow, quantities: [f.name],
                        words: { environment in
                            let points = u.evaluate(in: environment)?.elements.filter(overflows) ?? []
                            let shown = points.prefix(3).map(formatNumber).joined(separator: ", ")
                            return "\(f.name) is NaN or ∞ where \(side) (at \(u.text) = \(shown)) and right elsewhere: exp "
                                + "overflows beyond 709.78 (e^709.78 ≈ 1.8·10³⁰⁸, the largest Double), and ∞/∞ or ∞ − ∞ is NaN; "
                                + "write \(f.name) with exp of −|\(u.text)| only, which never overflows"
                        })
        }
    }

    var children: [Formula] {
        switch self {
        case .quantity, .size, .constant: return []
        case .product(let a, let b), .hadamard(let a, let b), .sum(let a, let b), .difference(let a, let b),
             .scaled(let a, let b), .quotient(let a, let b), .addColumn(let a, let b), .addRow(let a, let b),
             .addFirstColumn(let a, let b), .addFirstRow(let a, let b), .ratio(let a, let b), .keepingWhereZero(let a, let b):
            return [a, b]
        case .transpose(let a), .elementwise(_, let a), .rowSums(let a), .columnSums(let a), .total(let a),
             .firstColumn(let a), .firstRow(let a), .oneMinus(let a), .softmax(let a, _), .argmax(let a, _):
            return [a]
        }
    }

    func with(children parts: [Formula]) -> Formula {
        switch self {
        case .quantity, .size, .constant: return self
        case .product: return .product(parts[0], parts[1])
        case .hadamard: return .hadamard(parts[0], parts[1])
        case .sum: return .sum(parts[0], parts[1])
        case .difference: return .difference(parts[0], parts[1])
        case .scaled: return .scaled(parts[0], parts[1])
        case .quotient: return .quotient(parts[0], parts[1])
        case .addColumn: return .addColumn(parts[0], parts[1])
        case .addRow: return .addRow(parts[0], parts[1])
        case .addFirstColumn: return .addFirstColumn(parts[0], parts[1])
        case .addFirstRow: return .addFirstRow(parts[0], parts[1])
        case .firstColumn: return .firstColumn(parts[0])
        case .firstRow: return .firstRow(parts[0])
        case .oneMinus: return .oneMinus(parts[0])
        case .ratio: return .ratio(parts[0], parts[1])
        case .softmax(_, let shift): return .softmax(parts[0], shift)
        case .keepingWhereZero: return .keepingWhereZero(parts[0], parts[1])
        case .argmax(_, let rule): return .argmax(parts[0], rule)
        case .transpose: return .transpose(parts[0])
        case .elementwise(let f, _): return .elementwise(f, parts[0])
        case .rowSums: return .rowSums(parts[0])
        case .columnSums: return .columnSums(parts[0])
        case .total: return .total(parts[0])
        }
    }
}

extension Formula {
    /// The text, with the name of the problem's quantity that has the same value
    /// when there is one: "ŷ = σ(z²)".
    func named(in environment: Environment) -> String {
        guard let value = evaluate(in: environment),
              let name = environment.quantities.keys.sorted().first(where: { key in
                  environment.quantities[key].map { Diagnosis.agree($0, value) } ?? false
              }) else { return text }
        return "\(name) = \(text)"
    }
}

extension Elementwise {
    /// ⌊1/n⌋, what `1 / n` gives in whole numbers.
    static let integerReciprocal = Elementwise(name: "⌊1/·⌋") { ($0 == 1 ? 1 : 0) }
    /// ⌊x⌋, what a division in whole numbers keeps.
    static let floor = Elementwise(name: "⌊·⌋") { Foundation.floor($0) }
}

extension Formula {
    /// The formula with `rule` applied to every part, from the leaves up (a part `rule` leaves
    /// alone, by returning nil, stays as it is).
    func rewritten(_ rule: (Formula) -> Formula?) -> Formula {
        let rebuilt = children.isEmpty ? self : with(children: children.map { $0.rewritten(rule) })
        return rule(rebuilt) ?? rebuilt
    }

    /// This part and every part below it.
    var parts: [Formula] { [self] + children.flatMap(\.parts) }

    /// One change made at every place where the same piece appears: code that computes the
    /// piece once, in a helper every layer calls, carries one mistake into each of them.
    func everywhereEdits(in environment: Environment) -> [Edit] {
        var result = [Edit]()
        var functions = [Elementwise]()
        for case .elementwise(let f, _) in parts where !functions.contains(f) { functions.append(f) }
        for f in functions {
            let count = parts.filter { if case .elementwise(f, _) = $0 { true } else { false } }.count
            guard count > 1 else { continue }
            let without = rewritten { if case .elementwise(f, let u) = $0 { u } else { nil } }
            result.append(Edit(formula: without, kind: .missingFactor, quantities: [f.name],
                               words: { _ in "\(f.name) is missing at each of the \(count) places it belongs" }))
            for g in Elementwise.known where g != f && (g.derivativeOf == nil) == (f.derivativeOf == nil) {
                let replaced = rewritten { if case .elementwise(f, let u) = $0 { .elementwise(g, u) } else { nil } }
                result.append(Edit(formula: replaced, kind: .wrongFunction, quantities: [f.name, g.name],
                                   words: { _ in "\(g.name) was used where \(f.name) belongs, at each of the \(count) places" }))
            }
        }
        var biases = [String]()
        for part in parts.reversed() {  // the innermost (first-layer) bias first
            if case .addColumn(_, .quantity(let b)) = part { biases.append(b) }
            if case .addRow(_, .quantity(let b)) = part { biases.append(b) }
        }
        if biases.count > 1 {
            let without = rewritten {
                switch $0 {
                case .addColumn(let a, .quantity), .addRow(let a, .quantity): a
                default: nil
                }
            }
            let list = biases.dropLast().joined(separator: ", ") + " and " + biases.last!
            result.append(Edit(formula: without, kind: .missingTerm, quantities: biases,
                               words: { _ in "the biases \(list) are missing: every layer adds its own" }))
        }
        return result
    }
}
