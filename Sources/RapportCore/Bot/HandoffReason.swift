/// Why the bot gave a conversation to a person.
public enum HandoffReason: String, Sendable, Codable, CaseIterable {
    case asked
    case lowConfidence = "low_confidence"
    case negativeSentiment = "negative_sentiment"
    case vip
    case notAllowed = "not_allowed"
    case complaint
    case verificationFailed = "verification_failed"
    /// A photo, voice note or file without words, which the bot cannot read.
    case attachment
    /// A person answered in the conversation without waiting for the bot to hand it over.
    case agentTookOver = "agent_took_over"
    /// A wholesale or bulk enquiry: a lead was opened and the sales team takes over.
    case sales

    /// How the dashboard and the hand-off note say it.
    public var label: String {
        switch self {
        case .asked: "customer asked for a person"
        case .lowConfidence: "bot did not understand twice"
        case .negativeSentiment: "customer upset"
        case .vip: "VIP customer"
        case .notAllowed: "needs something the bot may not do"
        case .complaint: "complaint"
        case .verificationFailed: "could not confirm who is asking"
        case .attachment: "sent a photo or file"
        case .agentTookOver: "an agent stepped in"
        case .sales: "wholesale or bulk enquiry, for sales"
        }
    }
}
