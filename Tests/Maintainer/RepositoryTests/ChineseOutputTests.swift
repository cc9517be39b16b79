import Foundation
import Testing
@testable import WorkbookTool

/// Runs the built `workbook` with `WORKBOOK_LANG=zh` and reads what it prints as a learner
/// would: every fixed message of list, status, check, hint, reset and watch must be Chinese. The
/// checks' diagnoses stay English (README.zh-CN.md says so); identifiers, paths, commands
/// and numbers stay as they are.
@Suite("workbook speaks Chinese with WORKBOOK_LANG=zh", .serialized)
struct ChineseOutputTests {
    /// The `workbook` that `swift test` built next to this test (the package's own build).
    static let workbook = RepositoryFiles.root.appendingPathComponent(".build/debug/workbook")

    @Test("on the stubs, list, status, check, hint, reset and watch print no fixed message in English")
    func stubs() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.workbook.path),
                     "build the tool first: swift build --product workbook")
        // A folder holding only the manifest: the tool takes it for the package, so that hint
        // keeps its count and reset looks for git there, not in the repository.
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: RepositoryFiles.root.appendingPathComponent("Package.swift"),
                                         to: folder.appendingPathComponent("Package.swift"))
        for arguments in [["list"], ["status"], ["check", "1"], ["hint", "2.3"], ["hint", "2.3"], ["hint", "4.3", "--all"],
                          ["reset", "1.1"], ["hint", "9.9"], ["hint", "2"], ["watch"]] {
            let output = try run(Self.workbook, arguments, in: folder)
            let english = untranslated(output, skippingDiagnoses: ["check", "watch"].contains(arguments[0]))
            #expect(english.isEmpty, Comment(rawValue: "workbook \(arguments.joined(separator: " ")) printed in English:\n"
                + english.joined(separator: "\n") + "\n\nall of it:\n\(output)"))
            #expect(!output.contains("chapters/0"), "the Chinese tool points to chapters/zh/, not to chapters/")
        }
        let english = try run(Self.workbook, ["list"], in: folder, language: "en")
        #expect(!untranslated(english, skippingDiagnoses: false).isEmpty, "the English list reads as English")
    }

    @Test("on a wrong answer to 1.1, status, check, hint and watch print no fixed message in English; the diagnosis stays")
    func wrongAnswer() throws {
        // A learner's copy with a wrong 1.1, built in a folder of its own under .build/ that
        // later runs reuse: only what depends on Chapter 1 is compiled again.
        let fresh = try scratchFolder().appendingPathComponent("package")
        defer { try? FileManager.default.removeItem(at: fresh.deletingLastPathComponent()) }
        try LearnerCopy.write(to: fresh, from: RepositoryFiles.root)
        let file = fresh.appendingPathComponent("Exercises/Chapter1/FiniteDifferences.swift")
        let stub = try String(contentsOf: file, encoding: .utf8)
        let wrong = stub.replacingOccurrences(of: "notStarted(\"1.1\", returning: 0)", with: "(f(x + h) - f(x)) / (2 * h)")
        try #require(wrong != stub, "the stub of 1.1 no longer calls notStarted(\"1.1\", returning: 0)")
        try Data(wrong.utf8).write(to: file)
        let copy = RepositoryFiles.root.appendingPathComponent(".build/zh-wrong-answer/package")
        try synchronise(copy, with: fresh)
        let build = try run(URL(fileURLWithPath: "/usr/bin/env"),
                            ["swift", "build", "--product", "workbook", "--package-path", copy.path,
                             "--scratch-path", copy.deletingLastPathComponent().appendingPathComponent("build").path],
                            in: copy, timeLimit: 1800)
        try #require(build.contains("Build of product 'workbook' complete"), "the copy does not build:\n\(build)")
        let built = copy.deletingLastPathComponent().appendingPathComponent("build/debug/workbook")
        for arguments in [["status"], ["check", "1.1"], ["check", "1"], ["hint", "1.1"], ["watch"]] {
            let output = try run(built, arguments, in: copy)
            let english = untranslated(output, skippingDiagnoses: ["check", "watch"].contains(arguments[0]))
            #expect(english.isEmpty, Comment(rawValue: "workbook \(arguments.joined(separator: " ")) printed in English:\n"
                + english.joined(separator: "\n") + "\n\nall of it:\n\(output)"))
            if arguments[0] == "check" || arguments[0] == "watch" { #expect(output.contains("✘ 练习 1.1 未通过"), "\(output)") }
            if arguments[0] == "status" { #expect(output.contains("0/2  ✘ 未通过"), "\(output)") }
        }
    }
}

/// The lines of `output` that read as English: no Chinese in them, and an English word left
/// once code, paths, commands, numbers and the workbook's names (XOR, MNIST, …) are taken
/// out. With `skippingDiagnoses`, the text of a check's diagnosis (from the line saying
/// what to edit to the one offering a hint, or under a pass) is not read: it stays English.
func untranslated(_ output: String, skippingDiagnoses: Bool) -> [String] {
    var english = [String]()
    var inDiagnosis = false
    for line in output.components(separatedBy: "\n") {
        if skippingDiagnoses {
            if line.hasPrefix("✘ 练习") || line.hasPrefix("✔ 练习") { inDiagnosis = line.hasPrefix("✔"); continue }
            if line.hasPrefix("  编辑 ") { inDiagnosis = true; continue }
            if line.hasPrefix("  卡住了？") || line.isEmpty { inDiagnosis = false; continue }
            if inDiagnosis { continue }
        }
        if line.unicodeScalars.contains(where: isChinese) { continue }
        if !englishWords(in: line).isEmpty { english.append(line) }
    }
    return english
}

/// The English words of a line without Chinese, once code and names are taken out.
private func englishWords(in line: String) -> [String] {
    var text = line
    if let command = text.range(of: "swift ") { text = String(text[..<command.lowerBound]) }
    let spans = text.split(separator: "`", omittingEmptySubsequences: false)
    text = spans.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    let names: Set<String> = ["XOR", "MNIST", "SGD", "ReLU", "softmax", "sigmoid", "tanh", "log", "relu", "pow", "exp",
                              "Value", "L2", "y", "N", "error"]
    return text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "·" || $0 == "—" }).map(String.init).filter { word in
        let code = word.contains { "/._()[]:=0123456789'".contains($0) }
            || word.dropFirst().contains { $0.isUppercase } && word.contains { $0.isLowercase }
        return !code && !names.contains(word) && word.filter(\.isLetter).count >= 2
            && word.allSatisfy { $0.isASCII }
    }
}

private func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00 ... 0x9FFF).contains(scalar.value) || (0x3000 ... 0x303F).contains(scalar.value)
        || (0xFF00 ... 0xFFEF).contains(scalar.value)
}

/// Makes `folder` hold what `source` holds, writing only the files that differ (so that a
/// build in `folder` compiles again only what changed).
private func synchronise(_ folder: URL, with source: URL) throws {
    let manager = FileManager.default
    func files(under root: URL) -> Set<String> {
        guard let walker = manager.enumerator(atPath: root.path) else { return [] }
        return Set(walker.compactMap { $0 as? String }.filter { relative in
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isFolder)
                && !isFolder.boolValue
        })
    }
    let wanted = files(under: source)
    for stale in files(under: folder).subtracting(wanted) {
        try manager.removeItem(at: folder.appendingPathComponent(stale))
    }
    for relative in wanted {
        let from = source.appendingPathComponent(relative)
        let to = folder.appendingPathComponent(relative)
        let data = try Data(contentsOf: from)
        if (try? Data(contentsOf: to)) == data { continue }
        try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: to)
    }
}

/// A new empty folder for one test.
private func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-zh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs `program` in `folder` with `WORKBOOK_LANG=language` and no colours; its standard
/// output and error together. Standard input is `q`: reset takes it for no, watch stops.
private func run(_ program: URL, _ arguments: [String], in folder: URL, language: String = "zh",
                 timeLimit: Double = 300) throws -> String {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    for name in ["WORKBOOK_SOLUTIONS", "WORKBOOK_MAINTAINER", "WORKBOOK_SEED", "LC_ALL", "LC_MESSAGES", "LANG"] {
        environment[name] = nil
    }
    environment["WORKBOOK_LANG"] = language
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data("q\n".utf8))
    try input.fileHandleForWriting.close()
    let deadline = DispatchTime.now() + timeLimit
    DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
