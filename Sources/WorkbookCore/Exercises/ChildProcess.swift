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
    /// Bytes of standard output and of standard error that are kept, half from the
    /// start and half from the end; the rest is read and dropped, so a child that
    /// prints forever cannot fill memory.
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
    ///
    /// The child leads a process group of its own, and when it ends (or is killed at
    /// its time limit) the whole group is killed, so that nothing it started outlives
    /// it or holds its output open. (Foundation's `Process` is not used: on Linux it
    /// reports a child's end only once every process that inherited its pipes is gone.)
    public func run() throws -> Result {
        _ = Self.ignoringBrokenPipes
        let output = BoundedBuffer(limit: outputLimit)
        let error = BoundedBuffer(limit: outputLimit)
        let (outputRead, outputWrite) = try makePipe()
        let (errorRead, errorWrite) = try makePipe()
        let (inputRead, inputWrite) = try makePipe()
        let pid: pid_t
        do {
            pid = try spawn(input: inputRead, output: outputWrite, error: errorWrite,
                            closing: [outputRead, errorRead, inputWrite])
        } catch {
            for descriptor in [outputRead, outputWrite, errorRead, errorWrite, inputRead, inputWrite] { close(descriptor) }
            throw error
        }
        ChildGroups.add(pid)
        defer { ChildGroups.remove(pid) }
        for descriptor in [outputWrite, errorWrite, inputRead] { close(descriptor) }
        // Blocking reads and writes run on threads of their own, never on Dispatch's pool: with
        // several children at once, the pool's threads could all be blocked in reads while a
        // child waits for its standard input, whose write would then never be scheduled.
        let readers = DispatchGroup()
        for (descriptor, buffer) in [(outputRead, output), (errorRead, error)] {
            readers.enter()
            Thread.detachNewThread {
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(descriptor, &chunk, chunk.count)
                    if count > 0 { buffer.append(Data(chunk[..<count])) } else if count == 0 || errno != EINTR { break }
                }
                close(descriptor)
                readers.leave()
            }
        }
        // A child that never reads cannot block the parent: write on another thread.
        let input = standardInput ?? Data()
        Thread.detachNewThread {
            input.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(inputWrite, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(inputWrite)
        }
        let exit = ExitStatus()
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            exit.status = status
            finished.signal()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(-pid, SIGKILL)
            finished.wait()
        }
        kill(-pid, SIGKILL)  // Whatever the child started and left behind in its group.
        // A process that left the group may still hold the pipes: read what is there
        // for a moment, then return without waiting for it.
        _ = readers.wait(timeout: .now() + 2)
        let termination: IsolatedCheck.Termination
        let status = exit.status
        if timedOut {
            termination = .timedOut(timeLimit)
        } else if status & 0x7F != 0 {
            termination = .signal(status & 0x7F)
        } else {
            termination = .exited((status >> 8) & 0xFF)
        }
        return Result(termination: termination, standardOutput: output.bytes, standardError: error.bytes)
    }

    /// A child that closes its standard input before reading it must not end this
    /// process with SIGPIPE: writes to it fail instead.
    private static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Held while a pipe is made and marked close-on-exec, and while a child is spawned.
    private static let spawning = NSLock()

    /// A pipe whose ends close on exec: another child started at the same moment, from
    /// another thread, must not inherit them, or it would hold this child's input open (a
    /// child that reads to the end would wait for it) and its output (the readers would).
    /// The spawned child gets its own ends as 0, 1 and 2, which dup2 leaves open. Making
    /// the pipe and marking it happen under ``spawning``, so no spawn falls between them.
    private func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        Self.spawning.lock()
        let made = pipe(&descriptors) == 0
        if made { for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) } }
        Self.spawning.unlock()
        guard made else { throw ChildProcessError("pipe failed: \(String(cString: strerror(errno)))") }
        return (descriptors[0], descriptors[1])
    }

    /// Starts the child, in a new process group, with `input`, `output` and `error`
    /// as its standard descriptors.
    private func spawn(input: Int32, output: Int32, error: Int32, closing: [Int32]) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        for descriptor in closing + [input, output, error] { posix_spawn_file_actions_addclose(&actions, descriptor) }
        #if canImport(Darwin)
        // Only 0, 1 and 2 reach the child, whatever else this process has open.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_CLOEXEC_DEFAULT))
        #else
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        #endif
        posix_spawnattr_setpgroup(&attributes, 0)
        let environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
            .filter { !removedEnvironment.contains($0.key) }.map { "\($0.key)=\($0.value)" }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        Self.spawning.lock()
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        Self.spawning.unlock()
        guard result == 0 else {
            throw ChildProcessError("could not start \(executable.path): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// Why a child process could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The wait status of a child, set by the thread that waits for it.
private final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32 = 0

    var status: Int32 {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}

/// Bytes from a reader thread, up to a limit: the first half and the last half of
/// it, so that what a child says last (its report, or the runtime's message when it
/// crashes) survives however much it printed before.
private final class BoundedBuffer: @unchecked Sendable {
    private let half: Int
    private let lock = NSLock()
    private var head = [UInt8]()
    private var tail = [UInt8]()
    private var dropped = 0

    init(limit: Int) { half = max(limit / 2, 1) }

    func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        var rest = chunk[...]
        if head.count < half {
            let taken = rest.prefix(half - head.count)
            head.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
        tail.append(contentsOf: rest)
        if tail.count > 2 * half {  // Trim now and then, not on every chunk.
            dropped += tail.count - half
            tail.removeFirst(tail.count - half)
        }
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let excess = max(tail.count - half, 0)
        let left = dropped + excess
        guard left > 0 else { return head + tail }
        return head + Array("\n[… \(left) bytes of output left out …]\n".utf8) + tail.dropFirst(excess)
    }
}
