import Foundation
@testable import Grading
import Testing
import WorkbookCore

/// The shapes learners upload in, found as the learner meant them.
@Suite("Grading: submissions in the shapes learners upload")
struct UploadShapeTests {
    private let stubs = PackageRoot.url.appendingPathComponent("Exercises")
    private let solutions = PackageRoot.url.appendingPathComponent("Solutions")

    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("the chapter folders alone are the learner's exercises; an Exercises folder deeper down still wins")
    func chapterFolders() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["alone/Chapter2", "wrapped/Chapter1", "wrapped/repo/Exercises/Chapter1"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        let submissions = try Submission.all(in: root)
        #expect(submissions[0].exercises?.lastPathComponent == "alone")
        #expect(submissions[1].exercises?.path.hasSuffix("wrapped/repo/Exercises") == true)
    }

    @Test("loose files go to their chapters by name; a shared name by what the file holds; others are named")
    func looseFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let upload = root.appendingPathComponent("upload")
        try FileManager.default.createDirectory(at: upload, withIntermediateDirectories: true)
        for file in ["Chapter1/FiniteDifferences.swift", "Chapter5/TrainingStep.swift"] {
            try FileManager.default.copyItem(at: solutions.appendingPathComponent(file),
                                             to: upload.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent))
        }
        try Data("let note = 1\n".utf8).write(to: upload.appendingPathComponent("Notes.swift"))
        try Data("notes".utf8).write(to: upload.appendingPathComponent("README.txt"))
        let loose = try LooseFiles(in: upload, stubs: stubs, into: root.appendingPathComponent("laid-out"))
        let laidOut = try #require(loose.exercises)
        #expect(FileManager.default.fileExists(atPath: laidOut.appendingPathComponent("Chapter1/FiniteDifferences.swift").path))
        #expect(FileManager.default.fileExists(atPath: laidOut.appendingPathComponent("Chapter5/TrainingStep.swift").path))
        #expect(!FileManager.default.fileExists(atPath: laidOut.appendingPathComponent("Chapter3/TrainingStep.swift").path))
        #expect(loose.skipped == ["Notes.swift (no exercise has a file of that name)"])
    }

    @Test("Chapter 3's and Chapter 5's TrainingStep.swift each find their own chapter")
    func sharedName() throws {
        for chapter in ["Chapter3", "Chapter5"] {
            let root = try scratch()
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.copyItem(at: solutions.appendingPathComponent("\(chapter)/TrainingStep.swift"),
                                             to: root.appendingPathComponent("TrainingStep.swift"))
            _ = try LooseFiles(in: root, stubs: stubs, into: root.appendingPathComponent("laid-out"))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("laid-out/\(chapter)/TrainingStep.swift").path))
        }
    }

    @Test("a folder with no exercise file has nothing to lay out")
    func nothing() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("let x = 1\n".utf8).write(to: root.appendingPathComponent("Mine.swift"))
        #expect(try LooseFiles(in: root, stubs: stubs, into: root.appendingPathComponent("laid-out")).exercises == nil)
    }
}
