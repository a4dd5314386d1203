import Foundation
import Hummingbird
import HTTPTypes
import RapportChannels
import RapportCore

/// `POST /webhooks/email/{inbox_id}/events`: SendGrid's Event Webhook for an e-mail inbox,
/// signed with ECDSA (the inbox's `sendgrid_event_public_key`). Hard bounces and spam reports
/// suppress the address; spam reports and unsubscribes withdraw marketing e-mail.
struct EmailEventWebhookRoutes {
    let inboxes: InboxService
    let feedback: DeliveryFeedbackService

    static let signatureHeader = HTTPField.Name("X-Twilio-Email-Event-Webhook-Signature")!
    static let timestampHeader = HTTPField.Name("X-Twilio-Email-Event-Webhook-Timestamp")!

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.emailEvents))) { request, context in try await receive(request, context: context) }
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let inbox = try await inboxes.inbox(id: try context.parameters.require("inbox_id"), channel: .email)
        guard let key = inbox[.sendgridEventPublicKey] else {
            throw RapportError.unauthorized("Set the inbox's sendgrid_event_public_key (SendGrid's verification key) to receive its events.")
        }
        var request = request
        let body = Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard let signature = request.headers[Self.signatureHeader], let timestamp = request.headers[Self.timestampHeader],
            WebhookSignature.isValidSendGridEventSignature(signature, timestamp: timestamp, body: body, publicKey: key)
        else { throw RapportError.unauthorized("The event signature does not verify with this inbox's sendgrid_event_public_key.") }
        guard let reports = SendGridEventWebhook.feedback(body) else { throw BodyError.malformedJSON("SendGrid sends a JSON array of events") }
        let applied = try await feedback.apply(reports, inbox: inbox, provider: "sendgrid")
        return try JSONResponse.make(EmailEventsResponse(applied: applied))
    }
}
