import Foundation

/// The audit entries of reads (a 360° view opened), appended a batch at a time: one write
/// transaction per view would serialise every view behind the audit log's head. An entry
/// keeps the time of the view; it is written within `delay` (or as soon as `batchSize` wait),
/// and reading, exporting or verifying the log writes what waits first. Should the process
/// die in between, the views of that last moment go unrecorded — the one trade-off here.
public actor AuditBuffer {
    static let delay: Duration = .milliseconds(100)
    static let batchSize = 500

    private struct Pending: Sendable {
        var record: AuditRecord
        var actor: String
        var workspaceID: String
        var at: Date
    }

    private let store: any DataStore
    private var pending: [Pending] = []
    private var scheduled = false

    public init(store: any DataStore) {
        self.store = store
    }

    func add(_ record: AuditRecord, by actor: Actor, at date: Date) {
        pending.append(Pending(record: record, actor: actor.label, workspaceID: actor.workspaceID, at: date))
        if pending.count >= Self.batchSize {
            Task { try? await flush() }
        } else if !scheduled {
            scheduled = true
            Task {
                try? await Task.sleep(for: Self.delay)
                try? await flush()
            }
        }
    }

    /// Writes what waits, in one transaction; on failure it waits for the next flush.
    public func flush() async throws {
        scheduled = false
        guard !pending.isEmpty else { return }
        let taken = pending
        pending = []
        do {
            try await store.write { session in
                for (workspaceID, entries) in Dictionary(grouping: taken, by: \.workspaceID).sorted(by: { $0.key < $1.key }) {
                    try await session.audit.append(entries.map { ($0.record, $0.actor, $0.at) }, workspaceID: workspaceID)
                }
            }
        } catch {
            pending = taken + pending
            throw error
        }
    }
}
