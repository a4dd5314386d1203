import Foundation

/// The audit log: appended to in the caller's transaction, never changed, read back by
/// admins and by verification.
public protocol AuditRepository: Sendable {
    /// Chains the record after the workspace's last entry (locking the workspace's head until
    /// the transaction ends, so concurrent appends are chained one after the other).
    @discardableResult
    func append(_ record: AuditRecord, actor: String, workspaceID: String, at date: Date) async throws -> AuditEntry
    /// Chains many records of one workspace at once (the batched views), under one lock of the
    /// head and in one insert.
    func append(_ records: [(record: AuditRecord, actor: String, at: Date)], workspaceID: String) async throws
    /// Newest first; the page cursor is an entry's position.
    func entries(workspaceID: String, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry>
    /// Oldest first, after `position`: what verification and export walk.
    func chain(workspaceID: String, after position: Int64, limit: Int) async throws -> [AuditEntry]
    func head(workspaceID: String) async throws -> AuditHead?
    /// Every workspace that has a chain.
    func chainedWorkspaceIDs() async throws -> [String]
    /// Entries about any of these subjects (a customer's export).
    func entries(aboutSubjects ids: [String], workspaceID: String) async throws -> [AuditEntry]
}
