/// Where a lead came from. `api` and `import` are the team's own (a quote form on another site,
/// a trade-fair list).
public enum LeadSource: String, Sendable, CaseIterable {
    case form, quiz, chat, email, tracking, `import`, api

    /// The channel its lines on the customer's timeline show: the web for what came from the
    /// shop or the team's systems.
    var channel: InteractionChannel {
        switch self {
        case .chat: .chat
        case .email: .email
        case .form, .quiz, .tracking, .import, .api: .web
        }
    }
}
