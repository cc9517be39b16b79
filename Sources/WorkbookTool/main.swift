import Foundation
import WorkbookCore
import Grading

let usage = """
    The Backprop Workbook: your progress, your checks, and hints.

    USAGE: swift run workbook [COMMAND] [OPTIONS]

    COMMANDS:
      status             Check every exercise; show progress and the next step (the default).
      check [WHICH]      Check all exercises, a chapter (1) or one exercise (1.3), with full diagnoses.
      watch              Check the next unfinished exercise each time you save a file in Exercises/.
      hint ID            Show a hint for an exercise; ask again for a bigger one.
      reset ID           Put an exercise's stub back (your version is kept in .workbook/backups/).
      list               List the exercises, their points and the files to edit, without checking.
      rubric             The points of every exercise and chapter, as grading counts them.
      grade SUBMISSIONS  Grade a folder of learners' submissions (see the README's section for instructors).
      isolation          Which isolation grading would use on this machine.
      export-learner DIR A learner's copy of the repository: no solutions, no maintainers' tests.
      autograder gradescope --out DIR   Gradescope's autograder (setup.sh, run_autograder), grading
                         with --seed N or a seed drawn now.
      autograder classroom --out FILE   A GitHub Classroom workflow, one step per exercise.
      sweep N            Maintainers: check the reference solutions (WORKBOOK_SOLUTIONS=1) for seeds 1 … N.

    OPTIONS:
      --seed N           Seed for the checks' random shapes and values (default: $WORKBOOK_SEED or 1;
                         with grade, the gradebook's kept seed, or one drawn for a new gradebook).
      --time-limit S     Seconds each check may run before it counts as timed out (default: 20).
      --all              With hint: show every hint at once.
      --require-pass     With check: exit 1 unless every exercise checked passed (stubs too).
      --yes              With reset: do not ask first.
      --out DIR          With grade: where the gradebook goes (default: grades).
      --jobs N           With grade: submissions graded at once (default 1).
      --build-jobs N     With grade: compile jobs per submission's build (default: what this machine's
                         memory and processors hold, cgroup limits included, shared among --jobs).
      --timeout S        With grade: seconds each check may run (default 20).
      --build-timeout S  With grade: seconds a learner's build may take, after the stubs' (default 300).
      --chapter-timeout S With grade: seconds a chapter may take to compile on its own when the
                         build is too slow; a slower one is graded as its stubs (default 120).
      --force            With grade: grade learners already in the gradebook again.
      --isolation KIND   With grade: bubblewrap, unshare, user (Linux: as root, without namespaces) or
                         sandbox-exec (macOS); default: the strongest that works here.
      --no-isolation     With grade: run learner code unisolated, as you (only for code you trust).
      --no-color         Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help         Show this help.

    Each check runs in its own process, so a crash or an endless loop in one
    exercise costs that exercise only.
    WORKBOOK_SOLUTIONS=1 checks the reference solutions instead of your code.
    """

runProgram("workbook", usage: usage, valued: ["--seed", "--time-limit", "--out", "--jobs", "--build-jobs", "--timeout", "--build-timeout",
                                              "--chapter-timeout", "--isolation"],
           flags: ["--all", "--force", "--limits", "--no-isolation", "--require-pass", "--yes"]) { arguments in
    let style = Style.standard
    let command = arguments.positional.first ?? "status"
    let seed = try arguments.value("--seed", default: Exercise.seedFromEnvironment, what: "a whole number",
                                   UInt64.init)
    let timeLimit = try arguments.value("--time-limit", default: IsolatedCheck.defaultTimeLimit,
                                        what: "a positive number of seconds") { Double($0).flatMap { $0 > 0 ? $0 : nil } }
    switch command {
    case "__run-check":
        try runCheckCommand(arguments)
    case "__judge":
        return try judgeCommand(arguments)
    case "status", "check":
        guard arguments.positional.count <= (command == "check" ? 2 : 1) else {
            throw UsageError(command == "check"
                ? localized("'check' takes at most one exercise or chapter", zh: "'check' 最多带一个练习或一章")
                : localized("'status' takes no arguments", zh: "'status' 不带参数"))
        }
        let selected = try exercises(selectedBy: arguments.positional.dropFirst().first)
        print(style.bold(localized("Backprop Workbook", zh: "反向传播练习册")) + localized(" — checking \(codeUnderTest), seed \(seed)\n",
                                                                                  zh: " — 正在检查\(codeUnderTest)，随机种子 \(seed)\n"))
        let outcomes = runChecks(selected, seed: seed, timeLimit: timeLimit)
        if command == "check" { printDiagnoses(selected, outcomes, style: style) }
        printProgress(selected, outcomes, style: style)
        if command == "status" { printNextStep(selected, outcomes, style: style) }
        let broken = outcomes.contains { [.failed, .crashed, .timedOut].contains($0.status) }
        // --require-pass (GitHub Classroom): only a pass counts, so an untouched stub fails too.
        let unpassed = outcomes.contains { $0.status != .passed }
        return command == "check" && (broken || (arguments.has("--require-pass") && unpassed)) ? 1 : 0
    case "watch":
        guard arguments.positional.count == 1 else { throw UsageError(localized("watch takes no arguments", zh: "watch 不带参数")) }
        return watch(seed: seed, timeLimit: timeLimit, style: style)
    case "reset":
        guard arguments.positional.count == 2 else { throw UsageError(localized("reset needs one exercise id, such as 1.3", zh: "reset 需要一个练习编号，例如 1.3")) }
        let selected = try exercises(selectedBy: arguments.positional[1])
        guard selected.count == 1 else { throw UsageError(localized("reset needs an exercise id such as 1.3, not a chapter",
                                                                        zh: "reset 需要一个练习编号，例如 1.3，而不是一章")) }
        return try reset(selected[0], confirmed: arguments.has("--yes"), style: style)
    case "hint":
        guard arguments.positional.count == 2 else { throw UsageError(localized("hint needs one exercise id, such as 1.3", zh: "hint 需要一个练习编号，例如 1.3")) }
        let selected = try exercises(selectedBy: arguments.positional[1])
        guard selected.count == 1 else { throw UsageError(localized("hint needs an exercise id such as 1.3, not a chapter",
                                                                       zh: "hint 需要一个练习编号，例如 1.3，而不是一章")) }
        printHints(for: selected[0], all: arguments.has("--all"), style: style)
    case "grade":
        return try gradeCommand(arguments, style: style)
    case "export-learner":
        return try exportLearner(arguments, style: style)
    case "autograder":
        return try autograderCommand(arguments, style: style)
    case "isolation":
        for kind in Isolation.allCases where kind != .none {
            print("  \(kind.rawValue): " + (kind.whyNot().map { style.yellow("no, " + $0) } ?? style.green("works")))
        }
        guard let strongest = Isolation.strongestAvailable() else {
            print("No isolation works here: grading needs --no-isolation (see the README's section for instructors).")
            return 1
        }
        print("Grading would use \(strongest.summary).")
    case "sweep":
        guard arguments.positional.count == 2, let seeds = Int(arguments.positional[1]), seeds > 0 else {
            throw UsageError("sweep needs a number of seeds, such as 300")
        }
        return sweep(seeds: seeds, style: style)
    case "rubric":
        printRubric(style: style)
    case "list":
        for chapter in curriculum {
            print(style.bold(localized("Chapter \(chapter.number)", zh: "第 \(chapter.number) 章") + " · \(chapter.shownTitle)")
                + " — \(chapter.shownText)")
            for exercise in chapter.exercises {
                print("  \(exercise.id)  \(exercise.shownTitle)" + localized(" (\(counted(exercise.points, "point")))", zh: "（\(exercise.points) 分）")
                    + "\n        \(exercise.shownWhereToEdit)")
            }
        }
    default:
        throw UsageError(localized("unknown command '\(command)'", zh: "没有命令 '\(command)'"))
    }
    return 0
}

