/// What a question asks for: one option, several, free text, a number, or the person's e-mail
/// address (at most one per form; it is what a consent box's double opt-in is mailed to).
public enum FormQuestionKind: String, Sendable, Codable, CaseIterable {
    case choice
    case choices
    case text
    case number
    case email

    /// Whether the question is answered by picking from its options.
    public var hasOptions: Bool { self == .choice || self == .choices }
}
