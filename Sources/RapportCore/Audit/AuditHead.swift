/// The end of a workspace's chain: its last position and that entry's hash. Verification
/// compares it with the last stored entry, so removing entries from the end shows too.
public struct AuditHead: Sendable, Equatable {
    public var workspaceID: String
    public var position: Int64
    public var hash: String

    public init(workspaceID: String, position: Int64, hash: String) {
        self.workspaceID = workspaceID
        self.position = position
        self.hash = hash
    }
}
