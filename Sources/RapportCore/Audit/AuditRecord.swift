/// What a service asks the audit log to keep. `details` name what changed (fields, roles,
/// counts), never a customer's data or another customer's id: an entry cannot be edited
/// once chained, so it must hold nothing an erasure would have to take out.
public struct AuditRecord: Sendable, Equatable {
    public var action: AuditAction
    public var subject: AuditSubject?
    public var details: [String: String]
    /// Where the person acting was (a sign-in, a failed one).
    public var ipAddress: String?

    public init(_ action: AuditAction, subject: AuditSubject? = nil, details: [String: String] = [:], ipAddress: String? = nil) {
        self.action = action
        self.subject = subject
        self.details = details
        self.ipAddress = ipAddress
    }
}
