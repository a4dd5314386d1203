import Foundation

/// A group of agents that conversations are routed to.
public struct Team: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var memberIDs: [String]
    public var createdAt: Date

    public init(id: String, workspaceID: String, name: String, memberIDs: [String], createdAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.memberIDs = memberIDs
        self.createdAt = createdAt
    }
}
