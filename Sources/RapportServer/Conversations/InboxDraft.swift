/// A message the composer could not send, shown again with why.
struct InboxDraft: Sendable {
    var text: String
    var isNote: Bool
    var error: String
}
