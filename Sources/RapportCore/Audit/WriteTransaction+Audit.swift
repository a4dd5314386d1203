extension WriteTransaction {
    /// Appends an audit entry in this transaction: it exists exactly when what it records
    /// committed.
    public func audit(_ record: AuditRecord, by actor: Actor) async throws {
        try await session.audit.append(record, actor: actor.label, workspaceID: actor.workspaceID, at: now)
    }
}
