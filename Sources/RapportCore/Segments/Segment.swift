import Foundation

/// A named group of customers: a definition whose membership Rapport keeps current as
/// events happen and time passes, or a list of customers added by hand, from a file or
/// frozen from a segment.
public struct Segment: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var description: String?
    public var kind: SegmentKind
    /// A list's is nil.
    public var definition: SegmentDefinition?
    public var memberCount: Int
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    /// When membership was last computed from scratch.
    public var builtAt: Date?

    public init(
        id: String, workspaceID: String, name: String, description: String?, kind: SegmentKind, definition: SegmentDefinition?,
        memberCount: Int, createdBy: String, createdAt: Date, updatedAt: Date, builtAt: Date?
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.description = description
        self.kind = kind
        self.definition = definition
        self.memberCount = memberCount
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.builtAt = builtAt
    }
}
