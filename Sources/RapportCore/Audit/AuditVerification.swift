/// The outcome of checking every workspace's chain: how much was checked, and the first break.
public struct AuditVerification: Sendable, Equatable {
    public var workspaces: Int
    public var entries: Int
    public var heads: [AuditHead]
    public var firstBreak: AuditBreak?

    public var isIntact: Bool { firstBreak == nil }
}
