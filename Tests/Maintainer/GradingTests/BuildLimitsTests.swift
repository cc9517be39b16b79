import Foundation
@testable import Grading
import Testing
import WorkbookCore

@Suite("Grading: builds sized to the machine, and a killed compiler")
struct BuildLimitsTests {
    /// A folder laid out like `/proc` and `/sys/fs/cgroup`, with `files` (path → contents).
    private func fakeRoot(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cgroup-\(UUID())")
        for (path, text) in files {
            let file = root.appendingPathComponent(String(path.dropFirst()))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: file)
        }
        return root.path
    }

    @Test("cgroup v2: Gradescope's 768 MiB and ½ CPU, set on a level above the process's own, give one build job")
    func cgroupV2() throws {
        let root = try fakeRoot([
            "/proc/self/cgroup": "0::/autograder/job",
            "/sys/fs/cgroup/autograder/memory.max": String(768 << 20),
            "/sys/fs/cgroup/autograder/cpu.max": "50000 100000",
            "/sys/fs/cgroup/autograder/job/memory.max": "max",
            "/sys/fs/cgroup/autograder/job/cpu.max": "max 100000",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let limits = MachineLimits.current(fileSystem: root)
        #expect(limits.memoryBytes == 768 << 20)
        #expect(limits.processors == 0.5)
        #expect(limits.buildJobs == 1)
    }

    @Test("cgroup v1: the memory and cpu controllers' own paths; no quota (-1) leaves the machine's processors")
    func cgroupV1() throws {
        let root = try fakeRoot([
            "/proc/self/cgroup": "5:cpu,cpuacct:/box\n4:memory:/box\n0::/",
            "/sys/fs/cgroup/memory/box/memory.limit_in_bytes": String(1 << 30),
            "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712",
            "/sys/fs/cgroup/cpu/box/cpu.cfs_quota_us": "-1",
            "/sys/fs/cgroup/cpu/box/cpu.cfs_period_us": "100000",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let limits = MachineLimits.current(fileSystem: root)
        #expect(limits.memoryBytes == 1 << 30)
        #expect(limits.processors == Double(ProcessInfo.processInfo.activeProcessorCount))
        #expect(limits.buildJobs == min(ProcessInfo.processInfo.activeProcessorCount, 2))
    }

    @Test("no cgroup files: the machine's memory and processors")
    func noCgroup() throws {
        let root = try fakeRoot(["/proc/version": "not Linux"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let limits = MachineLimits.current(fileSystem: root)
        #expect(limits.memoryBytes == ProcessInfo.processInfo.physicalMemory)
        #expect(limits.processors == Double(ProcessInfo.processInfo.activeProcessorCount))
    }

    @Test("jobs fit both the processors and the memory, and are never fewer than one")
    func jobs() {
        #expect(MachineLimits(memoryBytes: 24 << 30, processors: 2).buildJobs == 2)
        #expect(MachineLimits(memoryBytes: 768 << 20, processors: 8).buildJobs == 1)
        #expect(MachineLimits(memoryBytes: 1 << 30, processors: 8).buildJobs == 2)
        #expect(MachineLimits(memoryBytes: 100 << 20, processors: 8).buildJobs == 1)
        #expect(MachineLimits(memoryBytes: nil, processors: 0.5).buildJobs == 1)
    }

    @Test("a compiler killed by signal 9 is the grader's failure; a compiler's error or another crash is not")
    func killedCompiler() {
        // What the Swift driver prints when the kernel kills a compile job (seen with kill -9 here).
        let killed = """
            Building for debugging...
            error: emit-module command failed due to signal 9 (use -v to see invocation)
            error: compile command failed due to signal 9 (use -v to see invocation)
            """
        #expect(Sandbox.wasKilled(.exited(1), output: killed))
        #expect(Sandbox.wasKilled(.signal(SIGKILL), output: ""))
        #expect(Sandbox.wasKilled(.exited(137), output: ""))
        #expect(!Sandbox.wasKilled(.exited(1), output: "Exercises/Chapter1/Value.swift:3:1: error: cannot find 'x' in scope"))
        #expect(!Sandbox.wasKilled(.exited(1), output: "error: compile command failed due to signal 11 (use -v to see invocation)"))
        #expect(!Sandbox.wasKilled(.exited(1), output: "warning: the signal 9 handler is unused"))
    }

    @Test("a result grading failed for is saved, marked in the gradebook, and graded again by the next run")
    func graderErrorIsRegraded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grades-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = LearnerResult.ExerciseGrade(id: "1.1", status: .failed, points: 0, maxPoints: 2, message: "not graded")
        var failed = LearnerResult(learner: "ada", exercises: [exercise], problems: [], compilerMessages: [:])
        failed.graderError = "the grader ran out of memory"
        let graded = LearnerResult(learner: "bob", exercises: [exercise], problems: [], compilerMessages: [:])
        let reports = try GradeReports(folder: folder, chapters: [], roster: ["ada", "bob"])
        try reports.save(failed)
        try reports.save(graded)
        #expect(reports.savedResults().map(\.learner) == ["ada", "bob"])
        #expect(reports.gradedLearners() == ["bob"])
        #expect(reports.savedResults()[0].status == "grader error: the grader ran out of memory")
    }
}

@Suite("Grading: the macOS sandbox profile")
struct SandboxProfileTests {
    @Test("a hidden or writable path reached through a symbolic link goes into the profile resolved too")
    func resolvesLinks() throws {
        let folder = URL(fileURLWithPath: realPath(FileManager.default.temporaryDirectory.path))
            .appendingPathComponent("profile-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real/submissions")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.appendingPathComponent("real"))
        var view = View(readOnly: [], writable: [link.path], workingDirectory: "/")
        view.hidden = [link.appendingPathComponent("submissions").path]
        let profile = Isolation.sandboxProfile(view)
        #expect(profile.contains("(deny file-read* (subpath \"\(link.path)/submissions\") (subpath \"\(real.path)\"))"),
                "\(profile)")
        #expect(profile.contains("(subpath \"\(folder.path)/real\")"), "\(profile)")
    }
}

@Suite("Grading: the gradebook's seed")
struct GradebookSeedTests {
    @Test("a new gradebook draws a seed other than 1 and keeps it; a different --seed is refused unless all are regraded")
    func seedIsKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = try GradeReports(folder: folder, chapters: [], roster: ["ada"])
        let first = try reports.seed(given: nil, replacing: false)
        #expect(first.drawn && first.seed != 1)
        #expect(try reports.seed(given: nil, replacing: false) == (first.seed, false))
        #expect(try reports.seed(given: first.seed, replacing: false) == (first.seed, false))
        let exercise = LearnerResult.ExerciseGrade(id: "1.1", status: .passed, points: 2, maxPoints: 2, message: "")
        try reports.save(LearnerResult(learner: "ada", exercises: [exercise], problems: [], compilerMessages: [:]))
        #expect(throws: UsageError.self) { try reports.seed(given: first.seed + 1, replacing: false) }
        #expect(try reports.seed(given: first.seed + 1, replacing: true) == (first.seed + 1, false))
        #expect(try reports.seed(given: nil, replacing: false) == (first.seed + 1, false))
    }
}
