import Foundation

/// Trained recommenders by workspace, kept in memory; one training per workspace at a time.
actor RecommendationModels {
    private var trained: [String: StoreRecommender] = [:]
    private var training: [String: Task<StoreRecommender, any Error>] = [:]

    func current(_ workspaceID: String) -> StoreRecommender? { trained[workspaceID] }

    /// Trains with `train` unless a training for the workspace is already running (then its
    /// result is shared).
    func retrain(_ workspaceID: String, _ train: @escaping @Sendable () async throws -> StoreRecommender) async throws -> StoreRecommender {
        if let running = training[workspaceID] { return try await running.value }
        let task = Task { try await train() }
        training[workspaceID] = task
        defer { training[workspaceID] = nil }
        let model = try await task.value
        trained[workspaceID] = model
        return model
    }
}
