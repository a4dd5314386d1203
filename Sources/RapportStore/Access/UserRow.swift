import Foundation
import RapportCore
import SQLKit

/// A row of `users` as an agent (shared by the inbox and user repositories).
enum UserRow {
    static func decode(_ row: any SQLRow) throws -> User? {
        guard let availability = Availability(rawValue: try row.string("availability")) else { return nil }
        return User(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"),
            email: try row.string("email"), role: UserRole(rawValue: try row.string("role")) ?? .agent, availability: availability,
            maxConversations: Int(try row.int("max_conversations")), createdAt: try row.date("created_at"),
            deactivatedAt: try row.optionalDate("deactivated_at"))
    }
}
