import Foundation
import WorkbookCore

/// How grading shuts in each build and each check of a learner's code.
///
/// - `bubblewrap` and `unshare` (Linux): new user, PID, mount, network, IPC and UTS
///   namespaces; the process sees only the ``View``'s paths, read-only unless marked
///   writable, a private `/tmp`, no network, and runs as uid 65534 (`nobody`) with no
///   capabilities. The command is the namespace's first process (pid 1, which nothing
///   inside can kill), and when it ends, the kernel kills every process in it.
/// - `sandbox-exec` (macOS): a profile that denies the network, writes outside the
///   view's writable paths and `/tmp`, and reads of the instructor's folder.
/// - `user` (Linux, as root, where namespaces are not allowed: Gradescope's containers):
///   learner code runs as a user of its own (uid ``learnerID``, no groups, no new
///   privileges), which can write only its build folders and `/tmp`, cannot write the
///   grader's files or signal its processes, and whose every process is killed after each
///   build and check. It can read what is world-readable: grade from a learner's copy
///   (the autograder's holds no solutions).
/// - `none`: learner code runs as the grader's user, with the grader's files; only with
///   `--no-isolation`, and every output says so.
public enum Isolation: String, Sendable, CaseIterable, Codable {
    case bubblewrap
    case unshare
    case sandboxExec = "sandbox-exec"
    case unprivilegedUser = "user"
    case none

    /// The user and group id learner code runs as with `user` isolation: one no system
    /// account uses, so that killing every process of it kills the learner's only.
    public static let learnerID: UInt32 = 64123

    /// The strongest isolation that works on this machine, tried by running `/bin/true` in
    /// it, or `nil` when none does.
    public static func strongestAvailable() -> Isolation? {
        #if os(macOS)
        let candidates: [Isolation] = [.sandboxExec]
        #else
        let candidates: [Isolation] = [.bubblewrap, .unshare, .unprivilegedUser]
        #endif
        return candidates.first { $0.works() }
    }

    /// Whether a trivial command runs in this isolation here.
    public func works() -> Bool { whyNot() == nil }

    /// Why this isolation cannot be used here (not installed, not root, not allowed), or
    /// `nil` when a trivial command runs in it.
    public func whyNot() -> String? {
        guard self != .none else { return nil }
        #if os(macOS)
        guard self == .sandboxExec else { return "Linux only" }
        #else
        guard self != .sandboxExec else { return "macOS only" }
        #endif
        // Only root can become another user.
        if self == .unprivilegedUser && getuid() != 0 { return "needs root: it runs learner code as a user of its own" }
        let view = View(readOnly: View.system, writable: [], workingDirectory: "/")
        let command = wrap(["/bin/sh", "-c", "exit 0"], in: view)
        guard FileManager.default.isExecutableFile(atPath: command[0]) else {
            return "\(command[0]) is not installed" + (self == .bubblewrap ? " (apt-get install bubblewrap, or dnf install bubblewrap)" : "")
        }
        let child = ChildProcess(executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
                                 timeLimit: 20)
        guard let result = try? child.run(), case .exited(0) = result.termination else {
            return self == .unprivilegedUser ? "setpriv could not run a command as uid \(Self.learnerID) here"
                : "installed, but a trial run failed: \(self == .sandboxExec ? "the sandbox is refused" : "user namespaces are not allowed here (a container's seccomp profile, or a sysctl)")"
        }
        return nil
    }

    /// One line for the gradebook, the feedback and the console.
    public var summary: String {
        switch self {
        case .bubblewrap: "bubblewrap: namespaces, read-only view, no network, uid 65534"
        case .unshare: "unshare: namespaces, read-only view, no network, uid 65534"
        case .sandboxExec: "sandbox-exec: no network, writes only to a temporary folder"
        case .unprivilegedUser: "user: no namespaces here; learner code ran as uid \(Self.learnerID), which cannot write the "
            + "grader's files or signal it, and whose processes were killed after each build and check"
        case .none: "NONE (--no-isolation): learner code ran as the grader's user, with its files"
        }
    }

    /// The command line that runs `command` (absolute program path first) inside `view`,
    /// with an environment of `view.environment` only.
    public func wrap(_ command: [String], in view: View) -> [String] {
        let environment = ["/usr/bin/env", "-i"] + view.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        switch self {
        case .none:
            return environment + command
        case .bubblewrap:
            var arguments = ["/usr/bin/bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--as-pid-1",
                             "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL",
                             "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev", "--chdir", view.workingDirectory]
            for path in view.readOnly {
                if let target = View.symbolicLink(path) {
                    arguments += ["--symlink", target, path]
                } else {
                    arguments += ["--ro-bind", path, path]
                }
            }
            for path in view.writable { arguments += ["--bind", path, path] }
            return arguments + environment + command
        case .unshare:
            try? FileManager.default.createDirectory(atPath: view.rootMountPoint, withIntermediateDirectories: true)
            return ["/usr/bin/unshare", "--user", "--map-root-user", "--mount", "--pid", "--fork", "--kill-child",
                    "--net", "--ipc", "--uts", "--", "/bin/sh", "-c", Self.unshareScript, "sh",
                    view.rootMountPoint, view.workingDirectory,
                    view.readOnly.joined(separator: "\n"), view.writable.joined(separator: "\n")]
                + environment + command
        case .unprivilegedUser:
            for path in view.writable {  // The learner's user owns what it may write, nothing else.
                try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                _ = chown(path, Self.learnerID, Self.learnerID)
            }
            return ["/usr/bin/setpriv", "--reuid=\(Self.learnerID)", "--regid=\(Self.learnerID)", "--clear-groups",
                    "--no-new-privs", "--", "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", view.workingDirectory]
                + environment + command
        case .sandboxExec:
            return ["/usr/bin/sandbox-exec", "-p", Self.sandboxProfile(view)] + ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"",
                                                                               view.workingDirectory] + environment + command
        }
    }

    /// Kills every process learner code left behind, where the isolation does not do it by
    /// itself (with `user`: every process of the learner's user, detached ones included).
    public func endLearnerProcesses() {
        guard self == .unprivilegedUser else { return }
        // kill -1 signals every process its sender may signal: the learner user's, and no one else's.
        let killer = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                                  arguments: ["--reuid=\(Self.learnerID)", "--regid=\(Self.learnerID)", "--clear-groups",
                                              "--", "/bin/kill", "-KILL", "-1"], timeLimit: 10)
        _ = try? killer.run()
    }

    /// How the wrapped command ended, from how the wrapper did: bubblewrap and unshare
    /// exit with 128 + N when the command died of signal N.
    public func commandTermination(_ wrapper: IsolatedCheck.Termination) -> IsolatedCheck.Termination {
        guard self == .bubblewrap || self == .unshare, case .exited(let code) = wrapper, (129 ..< 160).contains(code)
        else { return wrapper }
        return .signal(code - 128)
    }

    /// Run by `sh` as root of a new user namespace (so with the right to mount there):
    /// builds a root of a tmpfs holding the view's paths, moves into it with `pivot_root`,
    /// and runs the command as uid 65534 of a further user namespace, which holds no
    /// capability over these mounts (so it cannot undo them).
    /// Arguments: the empty folder to build the root on, the working directory, the
    /// read-only paths and the writable paths (one per line), then the command.
    static let unshareScript = #"""
        set -euf
        root=$1; work=$2; readonly_paths=$3; writable_paths=$4; shift 4
        mount -t tmpfs -o mode=755 tmpfs "$root"
        mkdir -p "$root/tmp" "$root/proc" "$root/dev" "$root/.old"
        mount -t tmpfs -o size=512m tmpfs "$root/tmp"
        mount -t proc proc "$root/proc"
        for device in null zero random urandom; do : > "$root/dev/$device"; mount --bind "/dev/$device" "$root/dev/$device"; done
        show() {  # show PATH ro|rw
            if [ -L "$1" ]; then mkdir -p "$root$(dirname "$1")"; ln -s "$(readlink "$1")" "$root$1"; return; fi
            if [ -d "$1" ]; then mkdir -p "$root$1"; else mkdir -p "$root$(dirname "$1")"; : > "$root$1"; fi
            mount --rbind "$1" "$root$1"
            if [ "$2" = ro ]; then mount -o remount,bind,ro "$root$1"; fi
        }
        IFS='
        '
        for path in $readonly_paths; do show "$path" ro; done
        for path in $writable_paths; do show "$path" rw; done
        unset IFS
        cd "$root"
        pivot_root . .old
        umount -l /.old
        rmdir /.old
        mount -o remount,bind,ro /
        cd "$work"
        exec /usr/bin/unshare --user --map-user=65534 --map-group=65534 -- "$@"
        """#

    /// A macOS sandbox profile: everything but the network, writes outside the view's
    /// writable paths and the temporary folders, and reads of the hidden paths.
    ///
    /// The sandbox matches a file by its real path, with every symbolic link resolved (on
    /// macOS `/tmp` and `/var` are links into `/private`), so each path goes in as given and
    /// as `realpath(3)` resolves it: a hidden folder under `/tmp` is then hidden indeed.
    static func sandboxProfile(_ view: View) -> String {
        func quoted(_ path: String) -> String {
            "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func subpaths(_ paths: [String]) -> String {
            var seen = Set<String>()
            return paths.flatMap { [$0, realPath($0)] }.filter { seen.insert($0).inserted }
                .map { "(subpath \(quoted($0)))" }.joined(separator: " ")
        }
        let writable = subpaths(view.writable + ["/private/tmp", "/private/var/folders", "/dev/null", "/dev/tty"])
        let hidden = subpaths(view.hidden)
        return """
            (version 1)
            (allow default)
            (deny network*)
            (deny file-write* (require-not (require-any \(writable))))
            \(hidden.isEmpty ? "" : "(deny file-read* \(hidden))")
            """
    }
}

/// `path` with every symbolic link in it resolved, or as it is when it does not exist.
/// (Not Foundation's `resolvingSymlinksInPath`, which on macOS strips `/private` again.)
func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// What a shut-in process sees of the file system (Linux namespaces), or may write and
/// may not read (macOS): paths appear at their own place.
public struct View: Sendable {
    /// Shown read-only (a symbolic link is recreated as one).
    public var readOnly: [String]
    /// Shown writable.
    public var writable: [String]
    public var workingDirectory: String
    /// Not readable at all under `sandbox-exec` (Linux views hold only what they list).
    public var hidden: [String] = []
    /// The whole environment of the process.
    public var environment: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    /// An empty folder on which `unshare` mounts the view's root.
    public var rootMountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-root").path

    public init(readOnly: [String], writable: [String], workingDirectory: String) {
        self.readOnly = readOnly
        self.writable = writable
        self.workingDirectory = workingDirectory
    }

    /// The system's programs and libraries: `/usr`, and `/bin`, `/lib`, `/lib64` and
    /// `/sbin` (links into `/usr` on most systems), plus the Swift runtime libraries of
    /// the toolchain that builds the checks, when they are elsewhere (a toolchain in /opt).
    public static var system: [String] {
        let paths = ["/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc/ld.so.cache"]
            .filter { FileManager.default.fileExists(atPath: $0) || symbolicLink($0) != nil }
        let runtime = toolchain?.appendingPathComponent("lib/swift/linux").path
        // The backtracer (swift-backtrace), which places a crash at the learner's line.
        let backtracer = toolchain?.appendingPathComponent("libexec/swift/linux").path
        return paths + [runtime, backtracer].compactMap { $0 }
            .filter { !$0.hasPrefix("/usr/") && FileManager.default.fileExists(atPath: $0) }
    }

    /// The toolchain's `usr` folder (holding `bin/swift`), found from `PATH`.
    public static let toolchain: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            return candidate.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        }
        return nil
    }()

    /// The target of `path` when it is a symbolic link.
    static func symbolicLink(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }
}
