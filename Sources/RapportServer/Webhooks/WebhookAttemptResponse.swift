import RapportCore

/// One delivery attempt of an outgoing webhook.
struct WebhookAttemptResponse: JSONWritable {
    var attempt: WebhookAttempt

    init(_ attempt: WebhookAttempt) {
        self.attempt = attempt
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("attempt"); writer.integer(Int64(attempt.attempt))
        writer.key("attempted_at"); writer.timestamp(attempt.attemptedAt)
        writer.key("duration_ms"); writer.integer(Int64(attempt.durationMilliseconds))
        writer.key("error"); writer.string(attempt.error)
        writer.key("event_id"); writer.string(attempt.eventID)
        writer.key("id"); writer.string(attempt.id)
        writer.key("object"); writer.string("webhook_attempt")
        writer.key("status_code")
        if let code = attempt.statusCode { writer.integer(Int64(code)) } else { writer.null() }
        writer.key("succeeded"); writer.bool(attempt.succeeded)
        writer.endObject()
    }
}
