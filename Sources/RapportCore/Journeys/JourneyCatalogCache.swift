import Synchronization

/// Each workspace's `JourneyCatalog`, kept by one process while the workspace's journey
/// revision stands (moved by every publication, pause, resume and archive, in that
/// transaction), as `SegmentPlanCache` keeps segment plans.
final class JourneyCatalogCache: Sendable {
    private let catalogs = Mutex<[String: (revision: Int64, catalog: JourneyCatalog)]>([:])

    func catalog(workspaceID: String, session: any StoreSession) async throws -> JourneyCatalog {
        let revision = try await session.journeys.revision(workspaceID: workspaceID)
        if let kept = catalogs.withLock({ $0[workspaceID] }), kept.revision == revision { return kept.catalog }
        let catalog = JourneyCatalog(running: try await session.journeys.running(workspaceID: workspaceID))
        catalogs.withLock { $0[workspaceID] = (revision, catalog) }
        return catalog
    }
}
