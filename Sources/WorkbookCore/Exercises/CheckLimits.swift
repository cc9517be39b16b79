import Foundation

/// Resource limits a check process puts on itself, before any learner code runs, when
/// it is graded: learner code can lower them further but never raise them.
public enum CheckLimits {
    /// Bytes of address space (not enforced by macOS).
    public static let memory: UInt64 = 8 << 30
    /// Processes and threads of the check's user (in its own user namespace when isolated).
    public static let processes: UInt64 = 256
    public static let openFiles: UInt64 = 256
    /// Bytes of any file the check writes.
    public static let fileSize: UInt64 = 64 << 20

    /// Sets every limit, with `cpuSeconds` of processor time; a limit the process already
    /// has lower stays as it is.
    public static func apply(cpuSeconds: Double) {
        #if os(Linux)
        let nproc = __RLIMIT_NPROC  // Glibc's RLIMIT_NPROC is a macro Swift does not import.
        #else
        let nproc = RLIMIT_NPROC
        #endif
        set(RLIMIT_AS, memory)
        set(nproc, processes)
        set(RLIMIT_NOFILE, openFiles)
        set(RLIMIT_FSIZE, fileSize)
        set(RLIMIT_CPU, UInt64(cpuSeconds.rounded(.up)))
    }

    #if os(Linux)
    private static func set(_ resource: __rlimit_resource, _ value: UInt64) {
        var limit = rlimit()
        let kind = __rlimit_resource_t(resource.rawValue)
        guard getrlimit(kind, &limit) == 0 else { return }
        let capped = min(rlim_t(value), limit.rlim_max)
        limit.rlim_cur = capped
        limit.rlim_max = capped
        _ = setrlimit(kind, &limit)
    }
    #else
    private static func set(_ resource: Int32, _ value: UInt64) {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return }
        let capped = min(rlim_t(value), limit.rlim_max)
        limit.rlim_cur = capped
        limit.rlim_max = capped
        _ = setrlimit(resource, &limit)
    }
    #endif
}
