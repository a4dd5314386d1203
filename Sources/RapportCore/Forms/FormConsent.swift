/// The box a form offers under its e-mail question: the purposes it asks for and the words
/// beside it. Ticked, it starts a double opt-in for the address given; the words are the
/// store's (set in the workspace), so they are the evidence of what the person agreed to.
public struct FormConsent: Sendable, Equatable, Codable {
    public var purposes: [String]
    public var text: String

    public init(purposes: [String], text: String) {
        self.purposes = purposes
        self.text = text
    }
}
