/// The SMS keywords carriers and Twilio treat as a person's instruction, and the standard
/// replies (Twilio's defaults for long codes). Matching is exact, one word, ignoring case:
/// "STOP PLEASE" is an ordinary message. Lists and replies as Twilio documents them
/// (twilio.com/docs/messaging/tutorials/advanced-opt-out; the replies as quoted in
/// ../shared/fixtures/twilio/opt-out-keywords.json).
public enum OptOutKeyword: Sendable, Equatable {
    case stop
    case start
    case help

    static let stopWords: Set<String> = ["STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL"]
    static let startWords: Set<String> = ["START", "YES", "UNSTOP"]
    static let helpWords: Set<String> = ["HELP", "INFO"]

    /// The keyword a message is, if it is one.
    public init?(message text: String?) {
        guard let word = text?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased(), !word.isEmpty else { return nil }
        if Self.stopWords.contains(word) {
            self = .stop
        } else if Self.startWords.contains(word) {
            self = .start
        } else if Self.helpWords.contains(word) {
            self = .help
        } else {
            return nil
        }
    }

    public var reply: String {
        switch self {
        case .stop: "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe."
        case .start:
            "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply."
        case .help: "Reply STOP to unsubscribe. Msg&Data Rates May Apply."
        }
    }
}
