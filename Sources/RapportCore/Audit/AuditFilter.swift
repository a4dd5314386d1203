/// Which entries an admin asks for: by action, by who acted, by the customer (or other
/// subject) they were about. Nil matches everything.
public struct AuditFilter: Sendable, Equatable {
    public var action: String?
    public var actor: String?
    public var subjectID: String?

    public init(action: String? = nil, actor: String? = nil, subjectID: String? = nil) {
        self.action = action
        self.actor = actor
        self.subjectID = subjectID
    }
}
