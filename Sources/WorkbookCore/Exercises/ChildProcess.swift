import Foundation

/// Runs a program as a child process with a time limit and a cap on how much
/// of its output is kept.
public struct ChildProcess: Sendable {
    /// The program to run.
    public let executable: URL
    public let arguments: [String]
    /// Extra environment variables, on top of this process's own.
    public var environment: [String: String] = [:]
    /// Variables of this process's environment that the child does not get.
    public var removedEnvironment: Set<String> = []
    /// Bytes written to the child's standard input, which is then closed; none when `nil`.
    public var standardInput: Data?
    /// Seconds before the child is killed.
    public var timeLimit: Double
    /// Bytes of standard output and of standard error that are kept; the rest is
    /// read and dropped, so a child that prints forever cannot fill memory.
    public var outputLimit = 1 << 20

    public init(executable: URL, arguments: [String], timeLimit: Double) {
        self.executable = executable
        self.arguments = arguments
        self.timeLimit = timeLimit
    }

    /// What the child did.
    public struct Result: Sendable {
        public let termination: IsolatedCheck.Termination
        public let standardOutput: [UInt8]
        public let standardError: [UInt8]
    }

    /// Runs the child to completion or to its time limit.
    public func run() throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .filter { !removedEnvironment.contains($0.key) }
        let inputPipe = Pipe()
        process.standardInput = standardInput == nil ? FileHandle.nullDevice : inputPipe
        let output = BoundedBuffer(limit: outputLimit)
        let error = BoundedBuffer(limit: outputLimit)
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let readers = DispatchGroup()
        for (pipe, buffer) in [(outputPipe, output), (errorPipe, error)] {
            DispatchQueue.global().async(group: readers) {
                let handle = pipe.fileHandleForReading
                while let chunk = try? handle.read(upToCount: 65536), !chunk.isEmpty { buffer.append(chunk) }
            }
        }
        try process.run()
        if let standardInput {
            // A child that never reads cannot block the parent: write on another thread.
            DispatchQueue.global().async {
                try? inputPipe.fileHandleForWriting.write(contentsOf: standardInput)
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        readers.wait()
        let termination: IsolatedCheck.Termination
        if timedOut {
            termination = .timedOut(timeLimit)
        } else if process.terminationReason == .uncaughtSignal {
            termination = .signal(process.terminationStatus)
        } else {
            termination = .exited(process.terminationStatus)
        }
        return Result(termination: termination, standardOutput: output.bytes, standardError: error.bytes)
    }
}

/// Bytes from a reader thread, up to a limit.
private final class BoundedBuffer: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    private var storage = [UInt8]()

    init(limit: Int) { self.limit = limit }

    func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        let room = limit - storage.count
        if room > 0 { storage.append(contentsOf: chunk.prefix(room)) }
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
