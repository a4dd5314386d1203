import Foundation

public protocol WebhookRepository: Sendable {
    func insert(_ subscription: WebhookSubscription) async throws
    func find(id: String, workspaceID: String?) async throws -> WebhookSubscription?
    func all(workspaceID: String) async throws -> [WebhookSubscription]
    /// Active subscriptions of every workspace (the dispatcher's view).
    func active() async throws -> [WebhookSubscription]
    func delete(id: String, workspaceID: String) async throws -> Bool
    func record(_ attempt: WebhookAttempt) async throws
    func attempts(subscriptionID: String, limit: Int) async throws -> [WebhookAttempt]
}
