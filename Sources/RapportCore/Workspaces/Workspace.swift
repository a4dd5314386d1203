import Foundation

/// A tenant: one store, one marketplace seller or one agency client. Every record belongs to one.
public struct Workspace: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date

    public init(id: String, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
