import Foundation

/// A form or quiz built in the workspace and embedded on the shop with `form.js`.
public struct Form: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var kind: FormKind
    public var status: FormStatus
    public var definition: FormDefinition
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, kind: FormKind, status: FormStatus, definition: FormDefinition, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.kind = kind
        self.status = status
        self.definition = definition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
