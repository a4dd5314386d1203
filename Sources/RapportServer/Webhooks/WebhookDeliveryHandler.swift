import Foundation
import RapportChannels
import RapportCore

/// Runs `webhook.deliver` jobs: posts the event, signed, and records the attempt. Anything
/// but a 2xx fails the attempt, and the job queue retries it with backoff.
struct WebhookDeliveryHandler: JobHandler {
    let webhooks: WebhookService
    let http: OutboundHTTP
    let kind = WebhookDeliveryPayload.jobKind

    func run(_ job: Job) async throws {
        guard let delivery = try await webhooks.delivery(for: job) else { return }
        let timestamp = Int64(webhooks.clock.now().timeIntervalSince1970)
        let headers = [
            ("Content-Type", "application/json"),
            ("User-Agent", "Rapport-Webhooks/1"),
            ("Rapport-Event-Id", delivery.eventID),
            ("Rapport-Event-Type", delivery.eventType),
            ("Rapport-Signature", WebhookSignature.outgoingSignature(
                secret: delivery.subscription.secret, timestamp: timestamp, body: delivery.body)),
        ]
        let started = ContinuousClock.now
        do {
            let answer = try await http.post(delivery.subscription.url, headers: headers, body: delivery.body)
            try await webhooks.record(delivery, statusCode: answer.status, error: nil, duration: ContinuousClock.now - started)
            guard (200..<300).contains(answer.status) else {
                throw JobFailure.retry("The subscriber answered HTTP \(answer.status).")
            }
        } catch let failure as JobFailure {
            throw failure
        } catch {
            try await webhooks.record(delivery, statusCode: nil, error: String(describing: error), duration: ContinuousClock.now - started)
            throw JobFailure.retry("No answer from the subscriber: \(error)")
        }
    }
}
