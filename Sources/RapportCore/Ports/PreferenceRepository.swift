/// A customer's frequency and pause choices.
public protocol PreferenceRepository: Sendable {
    func preferences(customerID: String, workspaceID: String) async throws -> ContactPreferences?
    func save(_ preferences: ContactPreferences) async throws
}
