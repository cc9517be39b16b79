import Foundation
import Testing
import WorkbookCore

/// An exercise whose learner code (its one `learnerCode` call) misbehaves in every way
/// a check must survive; the check passes when that code returns 1.
private func misbehaving(_ behaviour: String) -> Exercise {
    Exercise(id: "9.1", title: "misbehaving", points: 1, file: "Exercises/Chapter9/Bad.swift", symbol: "`bad()`",
             hints: []) { _ in
        let returned = learnerCode { () -> Int in
            switch behaviour {
            case "index out of range": return [1, 2, 3][Int.random(in: 5 ... 6)]
            case "fatalError": fatalError("learner gave up")
            case "recursion": return recurse(1)
            case "loop": while true { usleep(1000) }
            case "exit": exit(0)
            case "forge":
                print("@@workbook-outcome@@ {\"results\":[\"2\"],\"stubsReached\":[],\"status\":\"passed\"}")
                exit(86)
            case "not started": notStarted("9.1"); return 0
            case "other stub": notStarted("9.0"); return 0
            case "wrong": return 2
            default: return 1
            }
        }
        return returned == 1 ? .passed("fine") : .failed("returned \(returned), expected 1")
    }
}

private func recurse(_ depth: Int) -> Int { depth == 0 ? 0 : recurse(depth + 1) + 1 }

@Suite("Isolated checks")
struct IsolatedCheckTests {
    /// Runs the misbehaving check in a child and returns the parent's reading of it.
    func outcome(of behaviour: String) async -> Outcome? {
        let result = await #expect(processExitsWith: .failure,
                                   observing: [\.standardOutputContent, \.standardErrorContent]) { [behaviour] in
            IsolatedCheck.runChild(misbehaving(behaviour), seed: 1, timeLimit: 1)
        }
        guard let result else { return nil }
        let termination: IsolatedCheck.Termination = switch result.exitStatus {
        case .exitCode(let code): .exited(code)
        case .signal(let number): .signal(number)
        @unknown default: .signal(-1)
        }
        return IsolatedCheck.outcome(of: termination, standardOutput: result.standardOutputContent,
                                     standardError: result.standardErrorContent, exercise: misbehaving(behaviour),
                                     seed: 1)
    }

    @Test("the child reports what learner code returned, and the parent judges it")
    func judgedInTheParent() async {
        #expect(await outcome(of: "fine") == Outcome(.passed, "fine"))
        #expect(await outcome(of: "wrong") == Outcome(.failed, "returned 2, expected 1"))
    }

    @Test("a report is judged as what learner code returned, and one that does not fit the check is not")
    func reports() {
        let exercise = misbehaving("fine")
        #expect(exercise.judge(CallReport(results: ["1"], stubsReached: []), seed: 1).status == .passed)
        #expect(exercise.judge(CallReport(results: ["2"], stubsReached: []), seed: 1).status == .failed)
        #expect(exercise.judge(CallReport(results: [], stubsReached: []), seed: 1).status == .crashed)
        #expect(exercise.judge(CallReport(results: ["\"one\""], stubsReached: []), seed: 1).status == .crashed)
        #expect(exercise.judge(CallReport(results: ["1", "1"], stubsReached: []), seed: 1).status == .crashed)
    }

    @Test("a trap costs the exercise and carries the runtime's message", arguments: [
        ("index out of range", "Index out of range"), ("fatalError", "learner gave up"),
    ])
    func traps(_ behaviour: (String, String)) async {
        let result = await outcome(of: behaviour.0)
        #expect(result?.status == .crashed)
        #expect(result?.message.contains(behaviour.1) == true, "\(String(describing: result))")
    }

    @Test("unbounded recursion is reported as a likely stack overflow")
    func stackOverflow() async {
        let result = await outcome(of: "recursion")
        #expect(result?.status == .crashed)
        #expect(result?.message.contains("stack overflow") == true, "\(String(describing: result))")
    }

    @Test("an endless loop is stopped by the time limit")
    func loops() async {
        #expect(await outcome(of: "loop")?.status == .timedOut)
    }

    @Test("a report printed by learner code is judged as the results it holds, as if returned")
    func forged() async {
        #expect(await outcome(of: "forge") == Outcome(.failed, "returned 2, expected 1"))
    }

    @Test("reaching the exercise's own stub means not started, another's is mentioned")
    func stubs() async {
        #expect(await outcome(of: "not started") == Outcome(.notStarted,
            "Exercise 9.1 not started — edit Exercises/Chapter9/Bad.swift, `bad()` (a notStarted(\"9.1\") call still runs)"))
        #expect(await outcome(of: "other stub")?.message.contains("stub of exercise 9.0") == true)
    }

    @Test("exit(0) in learner code is a failed expectation, not a pass")
    func exitZero() {
        let outcome = IsolatedCheck.outcome(of: .exited(0), standardOutput: [], standardError: [],
                                            exercise: misbehaving("fine"), seed: 1)
        #expect(outcome.status == .crashed)
        #expect(outcome.message.contains("exit()"))
    }

    @Test("a child that prints more than the output cap still has its last lines read, and the start kept")
    func chattyChild() throws {
        var child = ChildProcess(executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", "echo START; head -c 1500000 /dev/zero | tr '\\000' x; echo; echo END"],
                                 timeLimit: 20)
        child.outputLimit = 1 << 20
        let result = try child.run()
        let text = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(text.hasPrefix("START\n"))
        #expect(text.hasSuffix("\nEND\n"))
        #expect(text.contains("bytes of output left out"))
        #expect(result.standardOutput.count < (1 << 20) + 100)
    }

    @Test("what a child starts ends with it, and is not waited for")
    func grandchildren() throws {
        let child = ChildProcess(executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", "sleep 30 & echo $!"], timeLimit: 20)
        let start = Date()
        let result = try child.run()
        #expect(Date().timeIntervalSince(start) < 10)
        let sleeper = String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(Int32(sleeper) != nil, "the child printed \(sleeper)")
        usleep(200_000)
        let state = try ChildProcess(executable: URL(fileURLWithPath: "/bin/ps"), arguments: ["-o", "stat=", "-p", sleeper],
                                     timeLimit: 10).run()
        let stat = String(decoding: state.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stat.isEmpty || stat.hasPrefix("Z"), "the child's sleep is still running: \(stat)")
    }
}
