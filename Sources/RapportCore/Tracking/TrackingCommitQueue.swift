/// Group commit for the tracking API. Batches that arrive while a transaction is running wait
/// and are then written together in the next one: one de-duplication query, one identity
/// lookup and one insert for all of them, and one commit. Each caller still returns only
/// after the transaction holding its calls has committed. If a combined transaction fails,
/// its batches are written one by one, so one bad batch cannot fail the others.
actor TrackingCommitQueue {
    /// At most this many calls go into one transaction, which bounds its latency.
    static let maximumCalls = 5_000

    private struct Pending {
        var drafts: [TrackingDraft]
        var workspaceID: String
        var continuation: CheckedContinuation<TrackingReceipt, any Error>
    }

    private var pending: [Pending] = []
    /// Whether a drain loop is writing. One group transaction runs at a time on both engines:
    /// on PostgreSQL, concurrent groups creating the same new customers waited on each other's
    /// unique-index entries and failed into retries (ADR 0003).
    private var draining = false

    func commit(_ drafts: [TrackingDraft], workspaceID: String, service: TrackingService) async throws -> TrackingReceipt {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(drafts: drafts, workspaceID: workspaceID, continuation: continuation))
            if !draining {
                draining = true
                Task { await drain(service) }
            }
        }
    }

    private func drain(_ service: TrackingService) async {
        while !pending.isEmpty {
            var group: [Pending] = []
            var calls = 0
            while let next = pending.first, group.isEmpty || calls + next.drafts.count <= Self.maximumCalls {
                group.append(pending.removeFirst())
                calls += next.drafts.count
            }
            for (workspaceID, items) in Dictionary(grouping: group, by: \.workspaceID) {
                await write(items, workspaceID: workspaceID, service: service)
            }
        }
        draining = false
    }

    private func write(_ items: [Pending], workspaceID: String, service: TrackingService) async {
        do {
            let receipts = try await service.write(items.map(\.drafts), workspaceID: workspaceID)
            for (item, receipt) in zip(items, receipts) { item.continuation.resume(returning: receipt) }
        } catch {
            guard items.count > 1 else {
                items[0].continuation.resume(throwing: error)
                return
            }
            for item in items {
                do {
                    let receipt = try await service.write([item.drafts], workspaceID: workspaceID)[0]
                    item.continuation.resume(returning: receipt)
                } catch {
                    item.continuation.resume(throwing: error)
                }
            }
        }
    }
}
