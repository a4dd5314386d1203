/// `pending` means the bot has the conversation; `snoozed` wakes up at `snoozed_until` or
/// when the customer writes.
public enum ConversationStatus: String, Sendable, Codable, CaseIterable {
    case open, pending, snoozed, resolved
}
