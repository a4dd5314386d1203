/// A form collects answers ("tell us your size", a back-in-stock sign-up); a quiz also scores
/// them into a result that recommends products ("which coffee suits you").
public enum FormKind: String, Sendable, Codable, CaseIterable {
    case form
    case quiz

    /// The event a completed one records on the visitor's timeline.
    public var completionEvent: String {
        switch self {
        case .form: "Form Submitted"
        case .quiz: "Quiz Completed"
        }
    }
}
