import Foundation
import RapportCore
import SQLKit

struct SQLWebhookRepository: WebhookRepository {
    let handle: SQLConnectionHandle
    let secrets: SecretBox

    func insert(_ subscription: WebhookSubscription) async throws {
        try await handle.sql.raw("""
            INSERT INTO webhook_subscriptions (id, workspace_id, url, event_types, secret, active, created_at)
            VALUES (\(bind: subscription.id), \(bind: subscription.workspaceID), \(bind: subscription.url),
              \(bind: subscription.eventTypes.joined(separator: ",")), \(bind: try secrets.seal(subscription.secret)),
              \(bind: subscription.active ? 1 : 0), \(bind: Timestamp.microseconds(subscription.createdAt)))
            """).run()
    }

    func find(id: String, workspaceID: String?) async throws -> WebhookSubscription? {
        let row = try await handle.sql.raw("SELECT * FROM webhook_subscriptions WHERE id = \(bind: id)").first()
        return try row.flatMap(decode).flatMap { workspaceID == nil || $0.workspaceID == workspaceID ? $0 : nil }
    }

    func all(workspaceID: String) async throws -> [WebhookSubscription] {
        try await handle.sql.raw("SELECT * FROM webhook_subscriptions WHERE workspace_id = \(bind: workspaceID) ORDER BY id")
            .all().compactMap(decode)
    }

    func active() async throws -> [WebhookSubscription] {
        try await handle.sql.raw("SELECT * FROM webhook_subscriptions WHERE active = 1 ORDER BY id").all().compactMap(decode)
    }

    func delete(id: String, workspaceID: String) async throws -> Bool {
        try await !handle.sql.raw("""
            DELETE FROM webhook_subscriptions WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) RETURNING id
            """).all().isEmpty
    }

    func record(_ attempt: WebhookAttempt) async throws {
        try await handle.sql.raw("""
            INSERT INTO webhook_attempts (id, subscription_id, event_id, attempt, status_code, error, duration_ms, attempted_at)
            VALUES (\(bind: attempt.id), \(bind: attempt.subscriptionID), \(bind: attempt.eventID), \(bind: attempt.attempt),
              \(bind: attempt.statusCode), \(bind: attempt.error), \(bind: attempt.durationMilliseconds),
              \(bind: Timestamp.microseconds(attempt.attemptedAt)))
            """).run()
    }

    func attempts(subscriptionID: String, limit: Int) async throws -> [WebhookAttempt] {
        try await handle.sql.raw("""
            SELECT * FROM webhook_attempts WHERE subscription_id = \(bind: subscriptionID) ORDER BY id DESC LIMIT \(literal: limit)
            """).all().map { row in
            WebhookAttempt(
                id: try row.string("id"), subscriptionID: try row.string("subscription_id"), eventID: try row.string("event_id"),
                attempt: Int(try row.int("attempt")), statusCode: try row.decode(column: "status_code", as: Int?.self),
                error: try row.optionalString("error"), durationMilliseconds: Int(try row.int("duration_ms")),
                attemptedAt: try row.date("attempted_at"))
        }
    }

    private func decode(_ row: any SQLRow) throws -> WebhookSubscription? {
        WebhookSubscription(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), url: try row.string("url"),
            eventTypes: try row.string("event_types").split(separator: ",").map(String.init), secret: try secrets.open(try row.string("secret")),
            active: try row.int("active") != 0, createdAt: try row.date("created_at"))
    }
}
