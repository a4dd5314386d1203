import Foundation
import RapportCore

/// A user as an agent of the workspace: who handles conversations, and how many at once.
struct AgentResponse: Encodable {
    let availability: Availability
    let createdAt: Date
    let email: String
    let id: String
    let maxConversations: Int
    let name: String
    let object = "agent"
    let role: UserRole

    init(_ agent: User) {
        availability = agent.availability
        createdAt = agent.createdAt
        email = agent.email
        id = agent.id
        maxConversations = agent.maxConversations
        name = agent.name
        role = agent.role
    }
}
