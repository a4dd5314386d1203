/// Why an address may not be sent to on its channel, whatever the consent: the person asked
/// the carrier to stop (an SMS `STOP`: carriers and US law block every message after it), the
/// address does not exist (a hard bounce), its mailbox refused message after message (soft
/// bounces: `DeliveryFeedbackService.softBounceLimit` within its window; this holds only
/// messages for a purpose), or the person reported a message as spam.
public enum SuppressionReason: String, Sendable, CaseIterable {
    case stopKeyword = "stop_keyword"
    case hardBounce = "hard_bounce"
    case softBounce = "soft_bounce"
    case complaint

    /// Whether service messages (order updates, answers) are held too. A `STOP` and a hard
    /// bounce hold everything. After a complaint an order confirmation still goes out, and so it
    /// does after repeated soft bounces: a mailbox full three times this month may take the
    /// order update the customer is waiting for (and its delivery clears the count).
    public var holdsServiceMessages: Bool {
        switch self {
        case .stopKeyword, .hardBounce: true
        case .softBounce, .complaint: false
        }
    }
}
