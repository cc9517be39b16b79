// Shared by every ChapterNTests target (each links this file).

import Foundation
import Testing
import WorkbookCore

/// Expects a check to fail a kept wrong implementation with a diagnosis that
/// contains `phrase`. `WORKBOOK_PRINT_DIAGNOSES=1` prints each diagnosis.
func expectCaught(_ verdict: Verdict, saying phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard case .failed(let diagnosis) = verdict else {
        Issue.record("the check passed a wrong implementation", sourceLocation: sourceLocation)
        return
    }
    if ProcessInfo.processInfo.environment["WORKBOOK_PRINT_DIAGNOSES"] != nil { print("\n" + diagnosis) }
    #expect(diagnosis.contains(phrase), "diagnosis: \(diagnosis)", sourceLocation: sourceLocation)
}
