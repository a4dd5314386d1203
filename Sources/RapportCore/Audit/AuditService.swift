import Foundation

/// The audit log for people: admins read, filter and export it; `rapport audit verify` checks
/// every chain. Services append their own entries in the transaction of what they did.
public struct AuditService: Sendable {
    let store: any DataStore
    let clock: any WallClock
    let hasher: any SecretHasher
    let buffer: AuditBuffer

    /// Entries per read while walking a chain.
    static let walkPage = 1_000

    public init(store: any DataStore, clock: any WallClock, hasher: any SecretHasher, buffer: AuditBuffer) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.buffer = buffer
    }

    /// A page of the workspace's log, newest first.
    public func entries(filter: AuditFilter, page: PageRequest, as actor: Actor) async throws -> Page<AuditEntry> {
        try actor.require(.viewAuditLog)
        try await buffer.flush()
        return try await store.read { session in
            try await session.audit.entries(workspaceID: actor.workspaceID, filter: filter, page: page)
        }
    }

    /// Where the workspace's chain ends (nil before the first entry).
    public func head(as actor: Actor) async throws -> AuditHead? {
        try actor.require(.viewAuditLog)
        return try await store.read { session in try await session.audit.head(workspaceID: actor.workspaceID) }
    }

    /// The whole log, oldest first, read a page at a time; the export is itself logged.
    public func export(as actor: Actor) async throws -> [AuditEntry] {
        try actor.require(.viewAuditLog)
        try await buffer.flush()
        try await record(AuditRecord(.auditExported, subject: .workspace(actor.workspaceID)), by: actor)
        var entries: [AuditEntry] = []
        while true {
            let after = entries.last?.position ?? 0
            let page = try await store.read { session in
                try await session.audit.chain(workspaceID: actor.workspaceID, after: after, limit: Self.walkPage)
            }
            entries += page
            if page.count < Self.walkPage { return entries }
        }
    }

    /// Appends an entry in a transaction of its own: for what changes nothing else (a view).
    public func record(_ record: AuditRecord, by actor: Actor) async throws {
        let now = clock.now()
        _ = try await store.write { session in
            try await session.audit.append(record, actor: actor.label, workspaceID: actor.workspaceID, at: now)
        }
    }

    /// Walks every workspace's chain from its first entry and compares its end with the head.
    public func verify() async throws -> AuditVerification {
        try await buffer.flush()
        let workspaces = try await store.read { session in try await session.audit.chainedWorkspaceIDs() }
        var checked = 0
        var heads: [AuditHead] = []
        for workspaceID in workspaces {
            var chain = AuditChain(workspaceID: workspaceID, hasher: hasher)
            // The head first, then the entries up to it: appends while the walk runs (a server
            // in use) come after the head read and are left for the next check.
            let head = try await store.read { session in try await session.audit.head(workspaceID: workspaceID) }
            let end = head?.position ?? 0
            while chain.position < end {
                let after = chain.position
                let page = try await store.read { session in
                    try await session.audit.chain(workspaceID: workspaceID, after: after, limit: min(Self.walkPage, Int(end - after)))
                }
                for entry in page {
                    if let broken = chain.append(entry) {
                        return AuditVerification(workspaces: workspaces.count, entries: checked, heads: heads, firstBreak: broken)
                    }
                    checked += 1
                }
                if page.isEmpty { break }
            }
            // Entries past the head that were there when it was read mean rows added by hand.
            let beyond = try await store.read { session in try await session.audit.chain(workspaceID: workspaceID, after: end, limit: 1) }
            if let extra = beyond.first, extra.previousHash != (head?.hash ?? AuditChain.genesisHash) {
                return AuditVerification(
                    workspaces: workspaces.count, entries: checked, heads: heads,
                    firstBreak: AuditBreak(workspaceID: workspaceID, entryID: extra.id, position: extra.position,
                                           reason: "it lies past the chain's head and does not follow it; it was added by hand"))
            }
            if let broken = chain.finish(against: head) {
                return AuditVerification(workspaces: workspaces.count, entries: checked, heads: heads, firstBreak: broken)
            }
            if let head { heads.append(head) }
        }
        return AuditVerification(workspaces: workspaces.count, entries: checked, heads: heads, firstBreak: nil)
    }
}
