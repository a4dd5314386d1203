/// What a role may do. Admins manage users, keys, channels and outgoing webhooks; managers
/// also set up teams, canned responses, routing, SLA policies and the bot and see the dashboard;
/// agents work conversations; marketers see customers, segments and insights but no conversation
/// contents.
public enum Permission: Sendable, CaseIterable {
    case readConversations
    case workConversations
    case manageUsers
    case manageKeys
    case manageChannels
    case manageWebhooks
    case manageTeamSetup
    case viewDashboard
    case manageBot
    case viewInsights

    public var roles: Set<UserRole> {
        switch self {
        case .readConversations, .workConversations: [.admin, .manager, .agent]
        case .manageUsers, .manageKeys, .manageChannels, .manageWebhooks: [.admin]
        case .manageTeamSetup, .viewDashboard, .manageBot: [.admin, .manager]
        case .viewInsights: [.admin, .manager, .marketer]
        }
    }

    func refusal(for role: UserRole) -> String {
        let what = switch self {
        case .readConversations: "read conversations"
        case .workConversations: "reply in or change conversations"
        case .manageUsers: "manage users"
        case .manageKeys: "manage API and write keys"
        case .manageChannels: "manage inboxes and channel credentials"
        case .manageWebhooks: "manage outgoing webhooks"
        case .manageTeamSetup: "change teams, canned responses, routing rules or SLA policies"
        case .viewDashboard: "see the team dashboard"
        case .manageBot: "set up the bot, its intents or the help articles"
        case .viewInsights: "see the store's insights"
        }
        return "A\(role == .admin || role == .agent ? "n" : "") \(role.rawValue) may not \(what)."
    }
}
