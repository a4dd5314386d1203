/// What a person may do in the workspace. Admins manage users, keys and channels; managers
/// see every inbox and the team's figures; agents work the conversations of their teams'
/// inboxes; marketers see customers and segments but not conversation contents.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case admin, manager, agent, marketer
}
