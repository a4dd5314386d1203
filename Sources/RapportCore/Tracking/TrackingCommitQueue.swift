/// Group commit for the tracking API. Batches that arrive while a transaction is running wait
/// and are then written together in the next one: one de-duplication query, one identity
/// lookup and one insert for all of them, and one commit. Each caller still returns only
/// after the transaction holding its calls has committed. If a combined transaction fails,
/// its batches are written one by one, so one bad batch cannot fail the others.
///
/// The wait is bounded: past `maximumQueuedCalls` in all, or a workspace's share of them, a
/// batch is refused at once (503 with `Retry-After`; SDKs retry) instead of piling up memory
/// and latency. Workspaces take turns: each round writes the oldest batches of every waiting
/// workspace, so one busy shop does not delay the others' calls.
actor TrackingCommitQueue {
    /// At most this many calls go into one transaction, which bounds its latency.
    static let maximumCalls = 5_000
    /// At most this many calls wait, in all and per workspace.
    let maximumQueuedCalls: Int
    let maximumQueuedPerWorkspace: Int

    private struct Pending {
        var drafts: [TrackingDraft]
        var continuation: CheckedContinuation<TrackingReceipt, any Error>
    }

    /// Each workspace's waiting batches, oldest first, read from `heads` on (no shifting).
    private var queues: [String: [Pending]] = [:]
    private var heads: [String: Int] = [:]
    private var queuedCalls: [String: Int] = [:]
    private var totalQueued = 0
    /// Workspaces in the order they take turns.
    private var turns: [String] = []
    /// Whether a drain loop is writing. One group transaction runs at a time on both engines:
    /// on PostgreSQL, concurrent groups creating the same new customers waited on each other's
    /// unique-index entries and failed into retries (ADR 0003).
    private var draining = false

    init(maximumQueuedCalls: Int = 50_000, maximumQueuedPerWorkspace: Int = 20_000) {
        self.maximumQueuedCalls = maximumQueuedCalls
        self.maximumQueuedPerWorkspace = maximumQueuedPerWorkspace
    }

    func commit(_ drafts: [TrackingDraft], workspaceID: String, service: TrackingService) async throws -> TrackingReceipt {
        let waiting = queuedCalls[workspaceID, default: 0]
        guard totalQueued + drafts.count <= maximumQueuedCalls || totalQueued == 0,
            waiting + drafts.count <= maximumQueuedPerWorkspace || waiting == 0
        else {
            throw RapportError.overloaded("Rapport is writing more tracking calls than it takes in; send this batch again shortly.", retryAfterSeconds: 2)
        }
        return try await withCheckedThrowingContinuation { continuation in
            if queues[workspaceID] == nil { turns.append(workspaceID) }
            queues[workspaceID, default: []].append(Pending(drafts: drafts, continuation: continuation))
            queuedCalls[workspaceID, default: 0] += drafts.count
            totalQueued += drafts.count
            if !draining {
                draining = true
                Task { await drain(service) }
            }
        }
    }

    private func drain(_ service: TrackingService) async {
        while !turns.isEmpty {
            let round = turns
            let share = max(1, Self.maximumCalls / round.count)
            for workspaceID in round {
                let group = take(from: workspaceID, upTo: share)
                await write(group, workspaceID: workspaceID, service: service)
            }
        }
        draining = false
    }

    /// The oldest batches of a workspace, up to `limit` calls (at least one batch).
    private func take(from workspaceID: String, upTo limit: Int) -> [Pending] {
        guard var queue = queues[workspaceID] else { return [] }
        var head = heads[workspaceID, default: 0]
        var group: [Pending] = []
        var calls = 0
        while head < queue.count, group.isEmpty || calls + queue[head].drafts.count <= limit {
            group.append(queue[head])
            calls += queue[head].drafts.count
            head += 1
        }
        queuedCalls[workspaceID, default: 0] -= calls
        totalQueued -= calls
        if head == queue.count {
            queues[workspaceID] = nil
            heads[workspaceID] = nil
            queuedCalls[workspaceID] = nil
            turns.removeAll { $0 == workspaceID }
        } else if head > 1024, head * 2 > queue.count {
            queue.removeFirst(head)
            queues[workspaceID] = queue
            heads[workspaceID] = 0
        } else {
            heads[workspaceID] = head
        }
        return group
    }

    private func write(_ items: [Pending], workspaceID: String, service: TrackingService) async {
        guard !items.isEmpty else { return }
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
