import Foundation

/// The memory and processors this process may actually use: a container's cgroup limits
/// (v1 or v2) where there are any, the machine's otherwise. A container reports the host's
/// processors and memory to `ProcessInfo`, so a build sized by those alone runs out of
/// memory in a small container (Gradescope's default: 768 MiB and ½ CPU).
public struct MachineLimits: Sendable, Equatable {
    /// Bytes of memory available, `nil` when neither the cgroup nor the system says.
    public var memoryBytes: UInt64?
    /// Processors available, possibly fractional (a CPU quota of ½).
    public var processors: Double

    public init(memoryBytes: UInt64?, processors: Double) {
        self.memoryBytes = memoryBytes
        self.processors = processors
    }

    /// Memory to allow per compile job of a submission's build. Measured grading one
    /// submission under a 768 MiB, ½ CPU cgroup (`.ci/in-cgroup`, Linux x86-64, Swift 6.3.1):
    /// the grader peaked at 356 MiB with one job and 642 MiB with two; with eight the build
    /// sat at the limit until its 300 s time limit. So 768 MiB gets one job, 1 GiB two.
    public static let memoryPerBuildJob: UInt64 = 400 << 20

    /// How many compile jobs fit: no more than the processors (at least one) and no more
    /// than the memory holds at ``memoryPerBuildJob`` each.
    public var buildJobs: Int {
        var jobs = max(1, Int(processors.rounded(.up)))
        if let memoryBytes { jobs = min(jobs, max(1, Int(memoryBytes / Self.memoryPerBuildJob))) }
        return jobs
    }

    /// What the grader runs with, said in one line ("768 MiB, 0.5 processors (cgroup): 2 build jobs").
    public var summary: String {
        let memory = memoryBytes.map { "\($0 >> 20) MiB" } ?? "unknown memory"
        return "\(memory), \(formatProcessors(processors)) processors: \(buildJobs) build job\(buildJobs == 1 ? "" : "s")"
    }

    private func formatProcessors(_ count: Double) -> String {
        count == count.rounded() ? String(Int(count)) : String(format: "%.2g", count)
    }

    /// This process's limits: the tightest of the cgroup's (every level up to the root, v2
    /// and v1) and the machine's.
    public static func current(fileSystem root: String = "") -> MachineLimits {
        let cgroups = CGroupFiles(root: root)
        var memory = ProcessInfo.processInfo.physicalMemory
        if let limit = cgroups.memoryLimit { memory = min(memory, limit) }
        var processors = Double(ProcessInfo.processInfo.activeProcessorCount)
        if let quota = cgroups.processorQuota { processors = min(processors, quota) }
        return MachineLimits(memoryBytes: memory, processors: processors)
    }
}

/// The cgroup files that limit this process, read under `root` (empty for the real
/// file system; a folder laid out like it in tests).
struct CGroupFiles {
    let root: String

    /// The process's cgroup path for a v1 controller, or for v2 (`controller` nil), from
    /// `/proc/self/cgroup` ("4:memory:/a/b", "0::/a/b").
    private func path(controller: String?) -> String? {
        guard let text = read("/proc/self/cgroup") else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let controllers = fields[1].split(separator: ",").map(String.init)
            if let controller, controllers.contains(controller) { return String(fields[2]) }
            if controller == nil, fields[0] == "0", fields[1].isEmpty { return String(fields[2]) }
        }
        return nil
    }

    /// The folders from the process's own cgroup up to the hierarchy's root, where a
    /// limit set at any level applies. Inside a container the hierarchy's root is often
    /// the container's own cgroup, and the path in `/proc/self/cgroup` may not exist
    /// under the mount: the folders that exist are read.
    private func levels(mount: String, path: String) -> [String] {
        var levels = [String]()
        var components = path.split(separator: "/").map(String.init)
        while true {
            levels.append(([mount] + components).joined(separator: "/"))
            if components.isEmpty { break }
            components.removeLast()
        }
        return levels
    }

    private func read(_ path: String) -> String? {
        (try? String(contentsOfFile: root + path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The tightest memory limit in bytes, `nil` when none is set.
    var memoryLimit: UInt64? {
        var limits = [UInt64]()
        if let path = path(controller: nil) {
            limits += levels(mount: "/sys/fs/cgroup", path: path).compactMap { read($0 + "/memory.max").flatMap(UInt64.init) }
        }
        if let path = path(controller: "memory") {
            limits += levels(mount: "/sys/fs/cgroup/memory", path: path)
                .compactMap { read($0 + "/memory.limit_in_bytes").flatMap(UInt64.init) }
        }
        // v1 writes "no limit" as the largest page-aligned number; v2 as "max", which is no number.
        return limits.filter { $0 < 1 << 62 }.min()
    }

    /// The tightest CPU quota in processors, `nil` when none is set.
    var processorQuota: Double? {
        var quotas = [Double]()
        if let path = path(controller: nil) {
            for level in levels(mount: "/sys/fs/cgroup", path: path) {
                guard let fields = read(level + "/cpu.max")?.split(separator: " "), fields.count == 2,
                      let quota = Double(fields[0]), let period = Double(fields[1]), period > 0 else { continue }
                quotas.append(quota / period)
            }
        }
        if let path = path(controller: "cpu") {
            for level in levels(mount: "/sys/fs/cgroup/cpu", path: path) {
                guard let quota = read(level + "/cpu.cfs_quota_us").flatMap(Double.init), quota > 0,
                      let period = read(level + "/cpu.cfs_period_us").flatMap(Double.init), period > 0 else { continue }
                quotas.append(quota / period)
            }
        }
        return quotas.min()
    }
}
