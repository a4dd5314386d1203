/// What became of one campaign e-mail at the mail server.
public enum CampaignDeliveryOutcome: Sendable, Equatable {
    /// The server took it; the message's id (the `Message-ID`, without brackets).
    case sent(messageID: String)
    /// The server refused it for good (a 5xx to this recipient): not tried again.
    case refused(String)
    /// It could not be handed over now (a 4xx, a lost connection): tried again later.
    case deferred(String)
}
