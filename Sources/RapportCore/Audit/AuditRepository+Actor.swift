import Foundation

extension AuditRepository {
    /// Appends an entry for what `actor` did, in the session's transaction.
    func append(_ record: AuditRecord, by actor: Actor, at date: Date) async throws {
        try await append(record, actor: actor.label, workspaceID: actor.workspaceID, at: date)
    }
}
