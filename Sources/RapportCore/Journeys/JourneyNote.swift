/// A private note a step leaves for the team in the customer's unresolved conversation in an
/// inbox (a journey opens no conversation: work without one is a task).
public struct JourneyNote: Sendable, Equatable {
    public var text: String
    public var inboxID: String

    public init(text: String, inboxID: String) {
        self.text = text
        self.inboxID = inboxID
    }

    /// The `author_id` of a journey's notes: they are the journey's, and no journey hears them.
    public static func author(journeyID: String) -> String { "journey:\(journeyID)" }
}
