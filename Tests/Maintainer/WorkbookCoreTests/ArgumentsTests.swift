import Testing
import WorkbookCore

@Suite("Command-line arguments")
struct ArgumentsTests {
    @Test("positional words, --name value, --name=value and flags are told apart")
    func parses() throws {
        let arguments = try Arguments(["check", "--seed", "7", "1.3", "--time-limit=2.5", "--all"],
                                      valued: ["--seed", "--time-limit"], flags: ["--all"])
        #expect(arguments.positional == ["check", "1.3"])
        #expect(try arguments.value("--seed", default: 1, what: "a number", UInt64.init) == 7)
        #expect(try arguments.value("--time-limit", default: 1.0, what: "seconds", Double.init) == 2.5)
        #expect(arguments.has("--all") && !arguments.wantsHelp)
        #expect(try arguments.value("--missing", what: "anything") { $0 } == nil)
    }

    @Test("a value may start with a minus sign, and -h asks for help")
    func negativeValuesAndHelp() throws {
        let arguments = try Arguments(["--eta", "-1", "-h"], valued: ["--eta"])
        #expect(try arguments.value("--eta", default: 0.0, what: "a number", Double.init) == -1)
        #expect(arguments.wantsHelp)
    }

    @Test("unknown options, missing values, values for flags and unparsable values are errors", arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["--seed"], "--seed needs a value"),
        (["--all=yes"], "--all takes no value"),
    ])
    func errors(_ case: ([String], String)) {
        do {
            _ = try Arguments(`case`.0, valued: ["--seed"], flags: ["--all"])
            Issue.record("\(`case`.0) was accepted")
        } catch let error as UsageError {
            #expect(error.message == `case`.1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a value that does not parse names the option, what it needs and what it got")
    func badValue() throws {
        let arguments = try Arguments(["--hidden", "0"], valued: ["--hidden"])
        #expect(throws: UsageError.self) {
            try arguments.value("--hidden", default: 4, what: "a whole number from 1 to 1000", wholeNumber(in: 1 ... 1000))
        }
    }

    @Test("a progress bar shows the share done")
    func progressBar() {
        let bar = ProgressBar(total: 4, label: "work", isEnabled: false)
        bar.advance(by: 1)
        #expect(bar.rendered == "[" + String(repeating: "#", count: 7) + String(repeating: "·", count: 23) + "] 1/4 work")
        bar.update(done: 10)
        #expect(bar.rendered.hasSuffix("] 4/4 work"))
    }
}
