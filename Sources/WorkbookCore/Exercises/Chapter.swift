/// A chapter of the workbook: its prose and its exercises.
public struct Chapter: Sendable {
    public let number: Int
    public let title: String
    /// The chapter's text, relative to the package root.
    public let text: String
    /// The command that shows the chapter's code at work, such as `swift run chain-rule`.
    public let program: String
    public let exercises: [Exercise]

    public init(number: Int, title: String, text: String, program: String, exercises: [Exercise]) {
        precondition(exercises.allSatisfy { $0.chapter == number }, "chapter \(number) holds another chapter's exercise")
        self.number = number
        self.title = title
        self.text = text
        self.program = program
        self.exercises = exercises
    }

    /// The exercises with these ids, in the chapter's order.
    public func exercises(_ ids: [String]) -> [Exercise] {
        precondition(ids.allSatisfy { id in exercises.contains { $0.id == id } }, "chapter \(number) has no exercise among \(ids)")
        return exercises.filter { ids.contains($0.id) }
    }

    /// The points the chapter's exercises are worth together.
    public var points: Int { exercises.reduce(0) { $0 + $1.points } }
}
