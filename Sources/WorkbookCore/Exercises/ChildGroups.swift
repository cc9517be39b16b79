import Foundation

/// The process groups of the children still running, ended with this program.
///
/// Each child leads a process group of its own (see ``ChildProcess``), so Ctrl-C at a
/// terminal, which signals the terminal's foreground group, no longer reaches it. Once
/// ``install()`` has run, SIGINT and SIGTERM kill every group still here, run the
/// cleanups (a watch puts the terminal back), and end this program as the signal would.
public enum ChildGroups {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups = Set<pid_t>()
    nonisolated(unsafe) private static var cleanups = [@Sendable () -> Void]()
    nonisolated(unsafe) private static var sources = [any DispatchSourceSignal]()

    /// Handles SIGINT and SIGTERM from now on (once; later calls do nothing).
    public static func install() { _ = installed }

    /// Runs `cleanup` before this program ends on SIGINT or SIGTERM.
    public static func atInterrupt(_ cleanup: @escaping @Sendable () -> Void) {
        install()
        lock.lock()
        cleanups.append(cleanup)
        lock.unlock()
    }

    static func add(_ group: pid_t) {
        install()
        lock.lock()
        groups.insert(group)
        lock.unlock()
    }

    static func remove(_ group: pid_t) {
        lock.lock()
        groups.remove(group)
        lock.unlock()
    }

    private static let installed: Void = {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // Delivered to the source below instead.
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                for group in groups { kill(-group, SIGKILL) }
                let pending = cleanups
                lock.unlock()
                for cleanup in pending { cleanup() }
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            sources.append(source)
        }
    }()
}
