// swift-tools-version: 6.0
import PackageDescription

// MARK: - Exercises or reference solutions

/// The learner's code lives in `Exercises/`; `WORKBOOK_SOLUTIONS=1` swaps in the
/// reference code in `Solutions/`, which has the same files and public API.
let usesSolutions = Context.environment["WORKBOOK_SOLUTIONS"] == "1"
let chapterSources = usesSolutions ? "Solutions" : "Exercises"

// The CPU the workbook is built on is the one it runs on (each learner builds it), so on x86-64
// (Linux, and Intel Macs) release builds may use all of its vector instructions: AVX2 or AVX-512,
// and fused multiply-add, which the matrix kernels use for every sum. The baseline x86-64 target
// has neither (SSE2 only), and there each fused multiply-add becomes a library call per number:
// the MNIST epoch took 5 s instead of 0.11 s. On arm64 (Apple silicon), NEON and FMA are the baseline.
// This file runs on the machine that builds, so `arch` here is that machine's.
#if arch(x86_64)
let nativeCPU: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]
#else
let nativeCPU: [SwiftSetting] = []
#endif

/// Lets programs say which code they were built with (`#if WORKBOOK_SOLUTIONS`).
let solutionsFlag: [SwiftSetting] = usesSolutions ? [.define("WORKBOOK_SOLUTIONS")] : []

func chapter(_ number: Int, dependencies: [Target.Dependency] = []) -> Target {
    .target(
        name: "Chapter\(number)",
        dependencies: ["WorkbookCore"] + dependencies,
        path: "\(chapterSources)/Chapter\(number)",
        swiftSettings: nativeCPU
    )
}

let package = Package(
    name: "BackpropWorkbook",
    products: [
        .executable(name: "workbook", targets: ["WorkbookTool"]),
        .executable(name: "chain-rule", targets: ["ChainRuleDemo"]),
        .executable(name: "two-layer-net", targets: ["TwoLayerNetDemo"]),
        .executable(name: "xor", targets: ["XorDemo"]),
        .executable(name: "mnist", targets: ["MnistProgram"]),
    ],
    targets: [
        // MARK: - Shared library: matrices, RNG, gradient checking, terminal output

        .target(name: "WorkbookCore", swiftSettings: nativeCPU),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .yum(["zlib-devel"])]),
        .target(name: "Datasets", dependencies: ["CZlib"], swiftSettings: nativeCPU),
        .target(name: "Grading", dependencies: ["WorkbookCore"]),

        // MARK: - Chapters: the learner's modules and the checks that grade them

        chapter(1),
        .target(name: "Chapter1Checks", dependencies: ["Chapter1", "WorkbookCore"]),
        chapter(2),
        .target(name: "Chapter2Checks", dependencies: ["Chapter2", "WorkbookCore"]),
        chapter(3),
        .target(name: "Chapter3Checks", dependencies: ["Chapter3", "Chapter2Checks", "WorkbookCore"]),
        chapter(4, dependencies: ["Datasets"]),
        .target(name: "Chapter4Checks", dependencies: ["Chapter4", "Chapter2Checks", "Datasets", "WorkbookCore"]),

        // MARK: - Executables

        .executableTarget(name: "WorkbookTool",
                          dependencies: ["Chapter1Checks", "Chapter2Checks", "Chapter3Checks", "Chapter4Checks", "Grading",
                                         "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "ChainRuleDemo", dependencies: ["Chapter1Checks", "WorkbookCore"],
                          swiftSettings: solutionsFlag),
        .executableTarget(name: "TwoLayerNetDemo", dependencies: ["Chapter2Checks", "WorkbookCore"]),
        .executableTarget(name: "XorDemo", dependencies: ["Chapter2", "Chapter3Checks", "WorkbookCore"]),
        .executableTarget(name: "MnistProgram", dependencies: ["Chapter4", "Chapter4Checks", "Datasets", "WorkbookCore"]),

        // MARK: - Tests

        .testTarget(name: "WorkbookCoreTests", dependencies: ["WorkbookCore"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "WorkbookCore"]),
        .testTarget(name: "Chapter1Tests", dependencies: ["Chapter1", "Chapter1Checks", "WorkbookCore"]),
        .testTarget(name: "Chapter2Tests", dependencies: ["Chapter2", "Chapter2Checks", "WorkbookCore"]),
        .testTarget(name: "Chapter3Tests", dependencies: ["Chapter3", "Chapter3Checks", "Chapter2Checks", "WorkbookCore"],
                    swiftSettings: solutionsFlag),
        .testTarget(name: "Chapter4Tests", dependencies: ["Chapter4", "Chapter4Checks", "Datasets", "WorkbookCore"],
                    swiftSettings: solutionsFlag),
        .testTarget(name: "RepositoryTests",
                    dependencies: ["Chapter1Checks", "Chapter2", "Chapter2Checks", "Chapter3Checks", "Chapter4Checks",
                                   "WorkbookCore"],
                    swiftSettings: solutionsFlag),
    ]
)
