/// Why an address may not be sent to on its channel, whatever the consent: the person asked
/// the carrier to stop (an SMS `STOP`: carriers and US law block every message after it), the
/// address does not exist (a hard bounce), or the person reported a message as spam.
public enum SuppressionReason: String, Sendable, CaseIterable {
    case stopKeyword = "stop_keyword"
    case hardBounce = "hard_bounce"
    case complaint

    /// Whether service messages (order updates, answers) are held too. A `STOP` and a hard
    /// bounce hold everything; after a complaint an order confirmation still goes out.
    public var holdsServiceMessages: Bool {
        self != .complaint
    }
}
