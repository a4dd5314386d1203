import Synchronization

/// The segments each workspace had at a revision, kept by one process between writes. Every
/// write that touches a customer reads its workspace's plan; the revision (one row, moved in
/// the transaction that creates, changes or deletes a segment) says whether the plan kept is
/// still the one the transaction would read, so other processes' changes are seen at once.
/// Revisions are random, not counted, so one written by a transaction that rolled back never
/// names a different set of segments later.
final class SegmentPlanCache: Sendable {
    private let plans = Mutex<[String: (revision: Int64, plan: SegmentPlan)]>([:])

    /// The workspace's plan as the session sees it.
    func plan(workspaceID: String, session: any StoreSession) async throws -> SegmentPlan {
        let revision = try await session.segments.revision(workspaceID: workspaceID)
        if let kept = plans.withLock({ $0[workspaceID] }), kept.revision == revision { return kept.plan }
        let plan = SegmentPlan(try await session.segments.all(workspaceID: workspaceID))
        plans.withLock { $0[workspaceID] = (revision, plan) }
        return plan
    }
}
