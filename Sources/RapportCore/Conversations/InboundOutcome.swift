/// What one provider webhook changed: messages stored, repeats of messages stored before,
/// and delivery reports applied.
public struct InboundOutcome: Sendable, Equatable {
    public var stored: [Message]
    public var duplicates: Int
    public var deliveriesApplied: Int
    /// The standard answers to SMS keywords (`STOP`, `START`, `HELP`) that came in.
    public var keywordReplies: [String] = []
    /// Choices people made in the app (WhatsApp's marketing stop and resume) recorded as consent.
    public var preferencesApplied = 0

    public init(stored: [Message] = [], duplicates: Int = 0, deliveriesApplied: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
        self.deliveriesApplied = deliveriesApplied
    }
}
