/// A mistake on the command line: printed with a pointer to `--help`, exit code 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The command line, split into positional words and `--name value` options.
struct Arguments {
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `words`; `valued` names the options that take a value, `flags` the ones that do not.
    init(_ words: [String], valued: Set<String>, flags allowedFlags: Set<String>) throws {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-") && word.count > 1 else {
                positional.append(word)
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            if allowedFlags.contains(name) {
                guard parts.count == 1 else { throw UsageError("\(name) takes no value") }
                flags.insert(name)
            } else if valued.contains(name) {
                if parts.count == 2 {
                    options[name] = parts[1]
                } else {
                    guard index < words.count else { throw UsageError("\(name) needs a value") }
                    options[name] = words[index]
                    index += 1
                }
            } else {
                throw UsageError("unknown option '\(name)'")
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The value of `name` converted by `parse`, or `fallback` when absent.
    func value<T>(_ name: String, default fallback: T, what: String, _ parse: (String) -> T?) throws -> T {
        guard let text = options[name] else { return fallback }
        guard let value = parse(text) else { throw UsageError("\(name) needs \(what), got '\(text)'") }
        return value
    }
}
