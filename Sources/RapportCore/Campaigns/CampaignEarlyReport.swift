import Foundation

/// A provider's delivery report on a campaign text that came before its batch was recorded
/// (the provider answered the hand-over and reported on it within the batch's time): held
/// until the batch's record names the message, then applied to its send
/// (`CampaignRepository.takeEarlyReports`). Held only on an SMS or WhatsApp inbox while one of
/// its campaign batches is in flight; held reports nobody claims go once older than
/// `lifetime`, at the hourly purge.
public struct CampaignEarlyReport: Sendable, Equatable {
    /// Longer than any batch's hand-over (at most half a claim's lifetime), with room to spare.
    public static let lifetime: TimeInterval = 3_600
    /// Longer ids are no provider's (Twilio's are 34 characters, Meta's wamid about 60): not held.
    public static let longestMessageID = 200

    public var inboxID: String
    public var providerMessageID: String
    public var kind: DeliveryFeedback.Kind
    public var occurredAt: Date

    public init(inboxID: String, providerMessageID: String, kind: DeliveryFeedback.Kind, occurredAt: Date) {
        self.inboxID = inboxID
        self.providerMessageID = providerMessageID
        self.kind = kind
        self.occurredAt = occurredAt
    }
}
