// Shared by every maintainers' check-test target (each links this file).

import Foundation
import Testing
import WorkbookCore

/// The seeds each check's own tests run on: a kept mistake must be caught, with its
/// cause, and a right answer accepted, on every one of them. `WORKBOOK_SWEEP=N`
/// sweeps seeds 1 … N instead of 1 … 50.
let sweptSeeds: ClosedRange<UInt64> = 1 ... (ProcessInfo.processInfo.environment["WORKBOOK_SWEEP"]
    .flatMap { UInt64($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 50)

/// The verdict of `check` for `seed`, run in one piece, after making sure that its
/// two halves give the same: run as the caller (learner code runs, and what it
/// returns is recorded), then as the judge (on those results alone).
private func verdict(of check: (inout SplitMix64) -> Verdict, seed: UInt64, sourceLocation: SourceLocation) -> Verdict {
    var generator = SplitMix64(seed: seed)
    let whole = check(&generator)
    let calls = LearnerCalls.calling()
    var callerGenerator = SplitMix64(seed: seed)
    _ = LearnerCalls.$current.withValue(calls) { check(&callerGenerator) }
    let judging = LearnerCalls.judging(calls.recorded)
    var judgeGenerator = SplitMix64(seed: seed)
    let judged = LearnerCalls.$current.withValue(judging) { check(&judgeGenerator) }
    if judged != whole || judging.fault != nil {
        Issue.record(Comment(rawValue: "seed \(seed): judged from its recorded results, the check says something else "
            + "(\(judging.fault ?? "a different verdict")):\n\(judged)\nin one piece:\n\(whole)"),
                     sourceLocation: sourceLocation)
    }
    return whole
}

/// Expects `check` to fail a kept wrong implementation with a diagnosis that
/// contains `phrase`, on every seed of ``sweptSeeds``; one issue names the seeds
/// where it did not, with the first such diagnosis. `WORKBOOK_PRINT_DIAGNOSES=1`
/// prints the diagnosis of the first seed. On every seed the check's two halves
/// must agree with it run in one piece.
func expectCaught(saying phrase: String, sourceLocation: SourceLocation = #_sourceLocation,
                  _ check: (inout SplitMix64) -> Verdict) {
    var passed = [UInt64](), misnamed = [UInt64](), example: String?
    for seed in sweptSeeds {
        guard case .failed(let diagnosis, _) = verdict(of: check, seed: seed, sourceLocation: sourceLocation) else {
            passed.append(seed)
            continue
        }
        if seed == sweptSeeds.lowerBound, ProcessInfo.processInfo.environment["WORKBOOK_PRINT_DIAGNOSES"] != nil {
            print("\n" + diagnosis)
        }
        if !diagnosis.contains(phrase) {
            misnamed.append(seed)
            example = example ?? diagnosis
        }
    }
    if !passed.isEmpty {
        Issue.record(Comment(rawValue: "the check passed a wrong implementation on seeds \(seedList(passed))"),
                     sourceLocation: sourceLocation)
    }
    if !misnamed.isEmpty {
        let text = "the diagnosis does not say \"\(phrase)\" on seeds \(seedList(misnamed)), for example seed "
            + "\(misnamed[0]):\n\(example!)"
        Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
    }
}

/// Expects `check` to pass a right implementation on every seed of `seeds`
/// (``sweptSeeds`` unless a check is too slow for all of them in a debug build),
/// in one piece and in its two halves.
func expectAccepted(seeds: ClosedRange<UInt64> = sweptSeeds, sourceLocation: SourceLocation = #_sourceLocation,
                    _ check: (inout SplitMix64) -> Verdict) {
    var failed = [UInt64](), example: String?
    for seed in seeds {
        if case .failed(let diagnosis, _) = verdict(of: check, seed: seed, sourceLocation: sourceLocation) {
            failed.append(seed)
            example = example ?? diagnosis
        }
    }
    if !failed.isEmpty {
        let text = "the check failed a right implementation on seeds \(seedList(failed)), for example seed "
            + "\(failed[0]):\n\(example!)"
        Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
    }
}

private func seedList(_ seeds: [UInt64]) -> String {
    seeds.count > 12 ? seeds.prefix(12).map(String.init).joined(separator: ", ") + " … (\(seeds.count) in all)"
        : seeds.map(String.init).joined(separator: ", ")
}
