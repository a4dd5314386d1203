import Foundation

/// Removes what a retention period has run out for; each returns the rows removed.
public protocol RetentionRepository: Sendable {
    func deleteSessions(expiredBefore cutoff: Date) async throws -> Int
    func deleteShopDeliveries(receivedBefore cutoff: Date) async throws -> Int
    func deleteWebhookAttempts(before cutoff: Date) async throws -> Int
    /// Events older than `cutoff` that the consumer has read past.
    func compactEvents(before cutoff: Date, readBy consumer: String) async throws -> Int
    func deleteAnonymousTracking(before cutoff: Date) async throws -> Int
    /// Live customers with no change, order or tracked call since `cutoff`, at most `limit`.
    func inactiveCustomers(since cutoff: Date, limit: Int) async throws -> [(workspaceID: String, customerID: String)]
}
