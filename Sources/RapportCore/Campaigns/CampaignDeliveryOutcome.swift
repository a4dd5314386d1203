/// What became of one campaign e-mail at the mail server.
public enum CampaignDeliveryOutcome: Sendable, Equatable {
    /// The server took it; the message's id (the `Message-ID`, without brackets).
    case sent(messageID: String)
    /// The server refused it for good (a 5xx to this recipient): not tried again.
    case refused(String)
    /// It could not be handed over now (a 4xx, a lost connection): tried again later.
    case deferred(String)
    /// The provider asked for fewer messages a second (HTTP 429, or its rate-limit code): back
    /// to the queue without counting an attempt, and the campaign waits a little
    /// (`CampaignThrottleBackoff`) instead of pausing.
    case throttled(String)

    /// The provider's words when it throttled the message; nil for any other outcome.
    public var throttleReason: String? {
        if case .throttled(let reason) = self { reason } else { nil }
    }
}
