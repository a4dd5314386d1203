/// Where a chain stops verifying: the entry (or the head) and what is wrong with it.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    public var workspaceID: String
    public var entryID: String?
    public var position: Int64
    public var reason: String

    public init(workspaceID: String, entryID: String?, position: Int64, reason: String) {
        self.workspaceID = workspaceID
        self.entryID = entryID
        self.position = position
        self.reason = reason
    }

    public var description: String {
        let entry = entryID.map { "entry \($0) (position \(position))" } ?? "position \(position)"
        return "workspace \(workspaceID), \(entry): \(reason)"
    }
}
