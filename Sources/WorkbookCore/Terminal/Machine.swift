import Foundation

/// "AMD EPYC …, 2 cores, Debian …": the machine a benchmark ran on, for its first line.
/// The processor's name comes from /proc/cpuinfo, so elsewhere (macOS) it is "unknown CPU".
public func machineDescription() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
        .first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) }
    return "\(cpu ?? "unknown CPU"), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
        + ProcessInfo.processInfo.operatingSystemVersionString
}
