// swift-tools-version: 6.3
// 6.3: the checks use Swift Testing's exit tests (6.2) and are developed and tested with 6.3.
import Foundation
import PackageDescription

// MARK: - Exercises or reference solutions

/// Whether this copy has `folder` (a learner's copy, from `workbook export-learner`, has
/// neither `Solutions/` nor `Tests/Maintainer/`).
func hasFolder(_ folder: String) -> Bool {
    FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + folder)
}

/// What this copy was asked for and cannot do, said by the compiler in one sentence: the C target
/// `CopyRefusals`, which WorkbookCore depends on, holds an `#error` for each of these conditions.
/// (A manifest that exits instead is reported by SwiftPM as "Invalid manifest" with a kilobyte of
/// its own compile command, twice, before the sentence that matters.)
var refusals: [CSetting] = []

/// The learner's code lives in `Exercises/`; `WORKBOOK_SOLUTIONS=1` swaps in the
/// reference code in `Solutions/`, which has the same files and public API.
let usesSolutions = Context.environment["WORKBOOK_SOLUTIONS"] == "1" && hasFolder("Solutions")
let chapterSources = usesSolutions ? "Solutions" : "Exercises"
if Context.environment["WORKBOOK_SOLUTIONS"] == "1" && !usesSolutions {
    refusals.append(.define("WORKBOOK_SOLUTIONS_IN_A_LEARNERS_COPY"))
}

/// `WORKBOOK_MAINTAINER=1` adds the maintainers' tests (the checks' own tests, the
/// library's, the repository's rules) to `swift test`; without it, `swift test`
/// runs the learner's exercises and nothing else.
let includesMaintainerTests = Context.environment["WORKBOOK_MAINTAINER"] == "1" && hasFolder("Tests/Maintainer")
if Context.environment["WORKBOOK_MAINTAINER"] == "1" && !includesMaintainerTests {
    refusals.append(.define("WORKBOOK_MAINTAINER_IN_A_LEARNERS_COPY"))
}

/// Lets programs and tests say which code they were built with (`#if WORKBOOK_SOLUTIONS`).
let solutionsFlag: [SwiftSetting] = usesSolutions ? [.define("WORKBOOK_SOLUTIONS")] : []

// MARK: - Vector instructions

// The matrix kernels add every product with a fused multiply-add, which arm64 (Apple silicon,
// Linux on ARM) has in its baseline. The x86-64 baseline (SSE2) has none, and there each one is
// a library call: an MNIST epoch took 5 s instead of 0.11 s. So on an x86-64 machine (Linux, or
// an Intel Mac) the modules with kernels are compiled for AVX2 and FMA, which every x86-64
// processor since 2013-2015 has: a fixed level, not `-target-cpu native`, so a binary moved to
// another machine still runs. The features go to the compiler's code generator through its
// Clang importer (`-Xcc -Xclang -target-feature`) because an unsafe flag cannot say which
// architecture it is for, and this form does not break the other half of a universal build
// (`--arch arm64 --arch x86_64`, or Xcode's release builds): for arm64 it is a warning,
// "not a recognized feature for this target (ignoring feature)". `arch` here is the
// architecture of the machine reading the manifest, so Apple-silicon Macs pass nothing (and
// the x86-64 half of a universal build made there is correct but slower).
#if arch(x86_64)
let vectorSettings: [SwiftSetting] = [
    .unsafeFlags(["+avx2", "+fma"].flatMap { ["-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", $0] }),
]
#else
let vectorSettings: [SwiftSetting] = []
#endif

// MARK: - Targets made the same way

func chapter(_ number: Int, dependencies: [Target.Dependency] = []) -> Target {
    .target(
        name: "Chapter\(number)",
        dependencies: ["WorkbookCore"] + dependencies,
        path: "\(chapterSources)/Chapter\(number)",
        swiftSettings: vectorSettings
    )
}

/// The learner's test target for a chapter: `Tests/ChapterNTests`, one test per exercise.
func learnerTests(_ number: Int, checks: [Target.Dependency]) -> Target {
    .testTarget(name: "Chapter\(number)Tests", dependencies: checks + ["WorkbookCore"],
                swiftSettings: solutionsFlag)
}

/// A maintainers' test target in `Tests/Maintainer/`.
func maintainerTests(_ name: String, dependencies: [Target.Dependency]) -> Target {
    .testTarget(name: name, dependencies: dependencies, path: "Tests/Maintainer/\(name)", swiftSettings: solutionsFlag)
}

let maintainerTests: [Target] = [
    maintainerTests("WorkbookCoreTests", dependencies: ["WorkbookCore"]),
    maintainerTests("DatasetsTests", dependencies: ["Datasets"]),
    maintainerTests("GradingTests", dependencies: ["Grading", "WorkbookCore"]),
    maintainerTests("ChainRuleCheckTests", dependencies: ["Chapter1", "Chapter1Checks", "WorkbookCore"]),
    maintainerTests("TwoLayerNetCheckTests", dependencies: ["Chapter2", "Chapter2Checks", "Chapter2Programs", "WorkbookCore"]),
    maintainerTests("XorCheckTests", dependencies: ["Chapter3", "Chapter3Checks", "Chapter2Checks", "Chapter2Programs",
                                                   "Chapter3Programs", "WorkbookCore"]),
    maintainerTests("MnistCheckTests", dependencies: ["Chapter4", "Chapter4Checks", "Chapter4Programs", "Datasets", "WorkbookCore"]),
    maintainerTests("DeepCheckTests", dependencies: ["Chapter5", "Chapter5Checks", "Chapter5Programs", "WorkbookCore"]),
    maintainerTests("RepositoryTests", dependencies: ["Chapter1Checks", "Chapter1Programs", "Chapter2", "Chapter2Checks",
                                                     "Chapter2Programs", "Chapter3Checks", "Chapter3Programs",
                                                     "Chapter4Checks", "Chapter5Checks", "Chapter5Programs", "Datasets",
                                                     "WorkbookCore", "WorkbookTool"]),
]

let package = Package(
    name: "BackpropWorkbook",
    // macOS 13: FileHandle's throwing read/write/close (10.15.4) and Swift Testing's exit tests.
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "workbook", targets: ["WorkbookTool"]),
        .executable(name: "chain-rule", targets: ["ChainRuleDemo"]),
        .executable(name: "two-layer-net", targets: ["TwoLayerNetDemo"]),
        .executable(name: "xor", targets: ["XorDemo"]),
        .executable(name: "mnist", targets: ["MnistProgram"]),
        .executable(name: "deep-mnist", targets: ["DeepMnistProgram"]),
    ],
    targets: [
        // MARK: - Shared library: matrices, RNG, gradient checking, terminal output

        .target(name: "WorkbookCore", dependencies: ["CopyRefusals"], swiftSettings: vectorSettings),
        .target(name: "CopyRefusals", cSettings: refusals),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .yum(["zlib-devel"])]),
        .target(name: "Datasets", dependencies: ["CZlib"], swiftSettings: vectorSettings),
        .target(name: "Grading", dependencies: ["WorkbookCore", "Datasets"]),

        // MARK: - Chapters: the learner's modules, the checks that grade them, and the programs
        //
        // `ChapterNChecks` holds the checks and the reference code they compare against, and nothing
        // else: `workbook` links the checks and no trainer. `ChapterNPrograms` holds what the chapter's
        // program does (demos, studies, training loops, benchmarks), in a library so that the
        // maintainers' tests can run it; the executable is its command line.

        chapter(1),
        .target(name: "Chapter1Checks", dependencies: ["Chapter1", "WorkbookCore"]),
        chapter(2),
        .target(name: "Chapter2Checks", dependencies: ["Chapter2", "WorkbookCore"]),
        chapter(3),
        .target(name: "Chapter3Checks", dependencies: ["Chapter3", "Chapter2Checks", "WorkbookCore"]),
        chapter(4, dependencies: ["Datasets"]),
        .target(name: "Chapter4Checks", dependencies: ["Chapter4", "Chapter2Checks", "Datasets", "WorkbookCore"]),
        chapter(5),
        .target(name: "Chapter5Checks", dependencies: ["Chapter5", "Datasets", "WorkbookCore"], swiftSettings: vectorSettings),

        .target(name: "Chapter1Programs", dependencies: ["Chapter1", "Chapter1Checks", "WorkbookCore"]),
        .target(name: "Chapter2Programs", dependencies: ["Chapter2", "Chapter2Checks", "WorkbookCore"]),
        .target(name: "Chapter3Programs", dependencies: ["Chapter3", "Chapter3Checks", "Chapter2Checks", "WorkbookCore"]),
        .target(name: "Chapter4Programs", dependencies: ["Chapter4", "Chapter4Checks", "Datasets", "WorkbookCore"],
                swiftSettings: vectorSettings),
        .target(name: "Chapter5Programs", dependencies: ["Chapter5", "Chapter5Checks", "Datasets", "WorkbookCore"],
                swiftSettings: vectorSettings),

        // MARK: - Executables

        .executableTarget(name: "WorkbookTool",
                          dependencies: ["Chapter1Checks", "Chapter2Checks", "Chapter3Checks", "Chapter4Checks", "Chapter5Checks",
                                         "Grading",
                                         "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "ChainRuleDemo", dependencies: ["Chapter1Checks", "Chapter1Programs", "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "TwoLayerNetDemo", dependencies: ["Chapter2Checks", "Chapter2Programs", "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "XorDemo", dependencies: ["Chapter2", "Chapter2Checks", "Chapter3Checks", "Chapter3Programs", "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "MnistProgram", dependencies: ["Chapter4", "Chapter4Checks", "Chapter4Programs", "Datasets", "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "DeepMnistProgram", dependencies: ["Chapter5", "Chapter5Checks", "Chapter5Programs", "Datasets",
                                                                  "WorkbookCore"]),

        // MARK: - The learner's tests: one test per exercise, and nothing else
        //
        // `swift test --filter ChapterN` matches module and type names, so nothing else
        // in the package is named ChapterN…Tests.

        learnerTests(1, checks: ["Chapter1Checks"]),
        learnerTests(2, checks: ["Chapter2Checks"]),
        learnerTests(3, checks: ["Chapter3Checks"]),
        learnerTests(4, checks: ["Chapter4Checks"]),
        learnerTests(5, checks: ["Chapter5Checks"]),
    ] + (includesMaintainerTests ? maintainerTests : [])
)
