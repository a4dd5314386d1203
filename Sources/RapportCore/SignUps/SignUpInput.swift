/// A sign-up as a form (through a write key) states it.
public struct SignUpInput: Sendable, Equatable {
    public var email: String
    /// What for; `marketing` when none is named.
    public var purposes: [String]
    /// The words next to the form's box, stored once and referenced by hash.
    public var text: String?
    /// The language of the confirmation e-mail and page.
    public var locale: String?
    /// The e-mail inbox to send the confirmation from; the workspace's first one when nil.
    public var inboxID: String?

    public init(email: String, purposes: [String] = [], text: String? = nil, locale: String? = nil, inboxID: String? = nil) {
        self.email = email
        self.purposes = purposes
        self.text = text
        self.locale = locale
        self.inboxID = inboxID
    }
}
