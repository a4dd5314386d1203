import Foundation
import RapportCore
import SQLKit

struct SQLRetentionRepository: RetentionRepository {
    let handle: SQLConnectionHandle

    private func deleted(_ query: SQLQueryString) async throws -> Int {
        try await handle.sql.raw(query + " RETURNING 1 AS gone").all().count
    }

    func deleteSessions(expiredBefore cutoff: Date) async throws -> Int {
        try await deleted("DELETE FROM sessions WHERE expires_at < \(bind: Timestamp.microseconds(cutoff))")
    }

    func deleteShopDeliveries(receivedBefore cutoff: Date) async throws -> Int {
        try await deleted("DELETE FROM webhook_deliveries WHERE received_at < \(bind: Timestamp.microseconds(cutoff))")
    }

    func deleteWebhookAttempts(before cutoff: Date) async throws -> Int {
        try await deleted("DELETE FROM webhook_attempts WHERE attempted_at < \(bind: Timestamp.microseconds(cutoff))")
    }

    func compactEvents(before cutoff: Date, readBy consumer: String) async throws -> Int {
        try await deleted("""
            DELETE FROM domain_events WHERE occurred_at < \(bind: Timestamp.microseconds(cutoff))
              AND sequence <= COALESCE((SELECT position FROM event_cursors WHERE name = \(bind: consumer)), 0)
            """)
    }

    func deleteAnonymousTracking(before cutoff: Date) async throws -> Int {
        try await deleted("DELETE FROM tracked_events WHERE customer_id IS NULL AND received_at < \(bind: Timestamp.microseconds(cutoff))")
    }

    func inactiveCustomers(since cutoff: Date, limit: Int) async throws -> [(workspaceID: String, customerID: String)] {
        let mark = Timestamp.microseconds(cutoff)
        return try await handle.sql.raw("""
            SELECT c.workspace_id, c.id FROM customers c
            WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.updated_at < \(bind: mark)
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.updated_at >= \(bind: mark))
              AND NOT EXISTS (SELECT 1 FROM tracked_events t WHERE t.customer_id = c.id AND t.received_at >= \(bind: mark))
              AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.customer_id = c.id AND v.updated_at >= \(bind: mark))
            ORDER BY c.updated_at LIMIT \(literal: limit)
            """).all().map { (try $0.string("workspace_id"), try $0.string("id")) }
    }
}
