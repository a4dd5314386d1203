/// One field of a form over a part of a journey's draft (a step, or the settings around the
/// steps): a value of the draft's JSON by its dotted path within that part, with the input it
/// is edited in.
public struct JourneyFormField: Sendable, Equatable {
    /// How the value is edited, from the JSON value it holds.
    public enum Input: String, Sendable {
        /// A line of text.
        case text
        /// A message's body: several lines.
        case longText = "long_text"
        case number
        /// true or false.
        case flag
        /// A way to another step (`next`, `on_timeout`, `otherwise`), or the end.
        case step
        /// A list or a deeper object, edited as JSON.
        case json
    }

    /// The dotted path within the part (`duration.hours`, `content.en.subject`).
    public let path: String
    public let input: Input
    /// The value as the form shows it (JSON for `json`, `true`/`false` for `flag`, empty for no step).
    public let value: String

    public init(path: String, input: Input, value: String) {
        self.path = path
        self.input = input
        self.value = value
    }
}
