/// "Refresh now": refits the lifetime models, rescores RFM and retrains the recommender for a
/// workspace. Each is a full recomputation, so only managers may ask for it, and a workspace
/// runs one at a time: whoever asks while one runs waits for that one instead of starting
/// another (in this process; the scheduled rounds keep the figures fresh either way).
public struct InsightsRefreshService: Sendable {
    private let lifetime: LifetimeValueService
    private let rfm: RFMService
    private let recommendations: RecommendationService
    private let gate = SingleFlight()

    public init(lifetime: LifetimeValueService, rfm: RFMService, recommendations: RecommendationService) {
        self.lifetime = lifetime
        self.rfm = rfm
        self.recommendations = recommendations
    }

    /// Runs the refresh, or joins the one under way; true when this call started it.
    @discardableResult
    public func refresh(as actor: Actor) async throws -> Bool {
        try actor.require(.refreshInsights)
        let workspaceID = actor.workspaceID
        let (lifetime, rfm, recommendations) = (self.lifetime, self.rfm, self.recommendations)
        return try await gate.run(key: workspaceID) {
            _ = try await lifetime.refresh(workspaceID: workspaceID)
            try await rfm.recompute(workspaceID: workspaceID)
            try await recommendations.train(workspaceID: workspaceID)
        }
    }
}
