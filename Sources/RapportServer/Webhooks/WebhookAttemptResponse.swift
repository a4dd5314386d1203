import Foundation
import RapportCore

/// One delivery attempt of an outgoing webhook.
struct WebhookAttemptResponse: Encodable {
    let attempt: Int
    let attemptedAt: Date
    let durationMs: Int
    let error: String?
    let eventID: String
    let id: String
    let object = "webhook_attempt"
    let statusCode: Int?
    let succeeded: Bool

    init(_ attempt: WebhookAttempt) {
        self.attempt = attempt.attempt
        attemptedAt = attempt.attemptedAt
        durationMs = attempt.durationMilliseconds
        error = attempt.error
        eventID = attempt.eventID
        id = attempt.id
        statusCode = attempt.statusCode
        succeeded = attempt.succeeded
    }
}
