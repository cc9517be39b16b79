import Foundation

/// Runs a check in a child process, so that learner code which traps, recurses
/// forever, loops forever or calls `exit` costs one exercise and nothing else.
///
/// The child runs the caller's half of the check (``Exercise/call(seed:)``),
/// prints what learner code returned as one framed JSON line and exits with
/// ``reportedExitCode``. The parent reads that line and judges it itself
/// (``Exercise/judge(_:seed:)``), so nothing the child prints can be a verdict;
/// when the child died first, its exit status and standard error make the outcome.
public enum IsolatedCheck {
    /// The exit code of a child that reported what learner code returned.
    public static let reportedExitCode: Int32 = 86
    /// The exit code of a child whose check ran past its time limit.
    public static let timedOutExitCode: Int32 = 87
    /// Seconds a check may run before it counts as timed out: `WORKBOOK_TIME_LIMIT`
    /// when set to a positive number, 20 otherwise.
    public static var defaultTimeLimit: Double {
        ProcessInfo.processInfo.environment["WORKBOOK_TIME_LIMIT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
            ?? 20
    }
    /// The marker in front of the report line. It need not be secret: a report that
    /// learner code prints itself is judged like the results it returns, so forging one
    /// gains nothing that returning the same numbers would not.
    public static let frame = "@@workbook-outcome@@"

    /// Runs the caller's half of `exercise` in this (child) process, prints the
    /// framed report and exits. A watchdog ends the process with
    /// ``timedOutExitCode`` if the check runs past `timeLimit`.
    public static func runChild(_ exercise: Exercise, seed: UInt64, timeLimit: Double = defaultTimeLimit) -> Never {
        suppressCrashReports()
        let reporter = Reporter()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: timeLimit)
            reporter.timedOut()
        }
        reporter.report(exercise.call(seed: seed))
    }

    /// The outcome of a child process that ran ``runChild(_:seed:timeLimit:)`` for
    /// `exercise` with `seed`: its report judged by `judge` (in this process unless
    /// given), or why there is none. `timeLimit` is the limit the child was given.
    public static func outcome(of termination: Termination, standardOutput: [UInt8], standardError: [UInt8],
                               exercise: Exercise, seed: UInt64, timeLimit: Double = defaultTimeLimit,
                               judge: ((CallReport) -> Outcome)? = nil) -> Outcome {
        if case .exited(reportedExitCode) = termination, let report = framedReport(in: standardOutput) {
            return judge?(report) ?? exercise.judge(report, seed: seed)
        }
        let errorText = String(decoding: standardError, as: UTF8.self)
        let crash = CrashReport(standardError: errorText)
        switch termination {
        case .timedOut(let seconds):
            return Outcome(.timedOut, "did not finish within \(formatNumber(seconds)) s: look for a loop that never ends")
        case .exited(timedOutExitCode):
            return Outcome(.timedOut, "Exercise \(exercise.id) did not finish within its time limit of "
                + "\(formatNumber(timeLimit)) s: look for a loop that never ends (a check that is only slow gets longer "
                + "with WORKBOOK_TIME_LIMIT=S, or --time-limit S for swift run workbook)")
        case .signal(let number):
            return Outcome(.crashed, signalMeaning(number, explained: crash.message != nil) + crashDetail(crash, errorText),
                           site: crash.site)
        case .exited(let code):
            return Outcome(.crashed, "the process exited with code \(code) before the check finished "
                + "(does your code call exit()?)" + crashDetail(crash, errorText), site: crash.site)
        }
    }

    /// A check that crashes is an outcome, not an event for the system to record:
    /// no crash report on macOS (as Swift Testing does in its exit tests), no core
    /// file on Linux.
    static func suppressCrashReports() {
        #if os(macOS)
        // task_self_trap() rather than the global mach_task_self_: SDKs before macOS 15.4 do not
        // mark that global concurrency-safe, and Swift 6 rejects reading it (apple/swift-system #373).
        _ = task_set_exception_ports(task_self_trap(), exception_mask_t(EXC_MASK_CORPSE_NOTIFY),
                                     mach_port_t(MACH_PORT_NULL), exception_behavior_t(EXCEPTION_DEFAULT),
                                     thread_state_flavor_t(THREAD_STATE_NONE))
        #elseif os(Linux)
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit) == 0 else { return }
        // 1 rather than 0: the kernel then writes no core even to a pipe (core_pattern "|…").
        limit.rlim_cur = min(1, limit.rlim_max)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit)
        #endif
    }

    /// How a child process ended.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signal(Int32)
        case timedOut(Double)
    }

    /// The last framed report line in `output`.
    public static func framedReport(in output: [UInt8]) -> CallReport? {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix(frame + " ") }) else { return nil }
        return try? JSONDecoder().decode(CallReport.self, from: Data(line.dropFirst(frame.count + 1).utf8))
    }

    /// What signal `number` means; for a trap the runtime `explained` (its message follows),
    /// only that it was one.
    static func signalMeaning(_ number: Int32, explained: Bool = false) -> String {
        switch number {
        case SIGILL where explained, SIGTRAP where explained:
            return "a runtime trap (signal \(number))"
        case SIGILL, SIGTRAP:
            return "a runtime trap (signal \(number)): fatalError, an index out of range, a nil unwrapped with !, "
                + "or an arithmetic overflow"
        case SIGSEGV, SIGBUS:
            return "a memory fault (signal \(number)), most often a stack overflow from recursion that never stops"
        case SIGKILL:
            return "killed (signal 9), for example for running out of time or memory"
        default:
            return "signal \(number)"
        }
    }

    /// The crash for the learner: where in their code, then the runtime's own message
    /// (such as `Fatal error: Index out of range`); without either, the last words of the
    /// process before the backtracer's.
    static func crashDetail(_ report: CrashReport, _ standardError: String) -> String {
        guard report.text.isEmpty else { return "\n" + report.text }
        let lines = standardError.split(separator: "\n").prefix { !$0.hasPrefix("*** ") && !$0.hasPrefix("swift-runtime:") }
        let tail = lines.filter { !$0.hasPrefix("0x") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(3)
        return tail.isEmpty ? "" : "\n" + tail.joined(separator: "\n")
    }
}

/// Ends the child once, with its report or its time-out, however many threads try.
private final class Reporter: @unchecked Sendable {
    private let lock = NSLock()

    func report(_ report: CallReport) -> Never {
        lock.lock()  // Never unlocked: the first to get here ends the process.
        let json = (try? JSONEncoder().encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        FileHandle.standardOutput.write(Data("\n\(IsolatedCheck.frame) \(json)\n".utf8))
        _exit(IsolatedCheck.reportedExitCode)
    }

    func timedOut() -> Never {
        lock.lock()
        _exit(IsolatedCheck.timedOutExitCode)
    }
}
