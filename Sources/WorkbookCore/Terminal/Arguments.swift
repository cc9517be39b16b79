import Foundation

/// A mistake on the command line: printed with a pointer to `--help`, exit code 2.
public struct UsageError: Error {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// The command line, split into positional words, `--name value` options and flags.
///
/// `-h`, `--help` and `--no-color` are always accepted as flags; see ``wantsHelp``.
public struct Arguments {
    public private(set) var positional: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `words`; `valued` names the options that take a value, `flags` the ones that do not.
    public init(_ words: some Sequence<String>, valued: Set<String>, flags allowedFlags: Set<String> = []) throws {
        var words = Array(words)[...]
        let allowedFlags = allowedFlags.union(["-h", "--help", "--no-color"])
        while let word = words.popFirst() {
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
                    guard let value = words.popFirst() else { throw UsageError("\(name) needs a value") }
                    options[name] = value
                }
            } else {
                throw UsageError("unknown option '\(name)'")
            }
        }
    }

    /// Whether `-h` or `--help` was given.
    public var wantsHelp: Bool { flags.contains("-h") || flags.contains("--help") }

    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The value of `name` converted by `parse`, or `fallback` when absent.
    /// - Parameter what: What a valid value is, for the error message, such as "a whole number".
    public func value<T>(_ name: String, default fallback: T, what: String, _ parse: (String) -> T?) throws -> T {
        guard let text = options[name] else { return fallback }
        guard let value = parse(text) else { throw UsageError("\(name) needs \(what), got '\(text)'") }
        return value
    }

    /// The value of `name` converted by `parse`, or `nil` when absent.
    public func value<T>(_ name: String, what: String, _ parse: (String) -> T?) throws -> T? {
        try value(name, default: nil, what: what) { parse($0) }
    }
}

/// Runs a program's main code: prints `usage` for `--help`, and turns a
/// ``UsageError`` into `error: …` and `see: swift run PROGRAM --help` with exit code 2.
/// `--no-color` sets `NO_COLOR` before anything is styled, for this program and
/// every process it starts.
///
/// - Parameter body: Parses the arguments it is given and returns the exit code.
public func runProgram(_ program: String, usage: String, valued: Set<String>, flags: Set<String> = [],
                       _ body: (Arguments) throws -> Int32) -> Never {
    do {
        let arguments = try Arguments(CommandLine.arguments.dropFirst(), valued: valued, flags: flags)
        if arguments.has("--no-color") { setenv("NO_COLOR", "1", 1) }
        if arguments.wantsHelp {
            print(PackageRoot.forThisCopy(usage))
            exit(0)
        }
        exit(try body(arguments))
    } catch let error as UsageError {
        FileHandle.standardError.write(Data("error: \(error.message)\nsee: swift run \(program) --help\n".utf8))
        exit(2)
    } catch {
        FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}

/// Parses a whole number in `range`, for ``Arguments/value(_:default:what:_:)``.
public func wholeNumber(in range: ClosedRange<Int>) -> (String) -> Int? {
    { text in Int(text).flatMap { range.contains($0) ? $0 : nil } }
}
