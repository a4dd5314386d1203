/// What one provider webhook changed: messages stored, repeats of messages stored before,
/// and delivery reports applied.
public struct InboundOutcome: Sendable, Equatable {
    public var stored: [Message]
    public var duplicates: Int
    public var deliveriesApplied: Int
    /// What an SMS gets back at once: the standard answers to keywords (`STOP`, `START`,
    /// `HELP`) and the thanks for a survey answer.
    public var automaticReplies: [String] = []
    /// Text replies taken as survey answers (not stored as messages).
    public var surveyAnswers = 0
    /// Choices people made in the app (WhatsApp's marketing stop and resume) recorded as consent.
    public var preferencesApplied = 0

    public init(stored: [Message] = [], duplicates: Int = 0, deliveriesApplied: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
        self.deliveriesApplied = deliveriesApplied
    }
}
