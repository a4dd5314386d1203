import Foundation
import Hummingbird
import HTTPTypes
import RapportChannels
import RapportCore

/// `POST /webhooks/email/{inbox_id}/events`: the sending provider's delivery events for an
/// e-mail inbox, each checked its provider's way before anything is read into Rapport:
/// SendGrid's Event Webhook signed with ECDSA (the inbox's `sendgrid_event_public_key`),
/// Mailgun's signed with HMAC (its `mailgun_signing_key`, each token once, within 15 minutes),
/// Postmark's with HTTP Basic credentials (its `postmark_basic_auth`). Hard bounces and spam
/// reports suppress the address; spam reports and unsubscribes withdraw marketing e-mail.
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
        // Postmark's credentials are in the headers: checked before the body is read.
        if let given = BasicCredentials.of(request) {
            guard let expected = inbox[.postmarkBasicAuth], WebhookSignature.constantTimeEquals(given, expected) else {
                throw RapportError.unauthorized("The HTTP Basic credentials are not this inbox's postmark_basic_auth.")
            }
            guard let reports = PostmarkWebhook.feedback(try await body(of: request, context: context)) else {
                throw BodyError.malformedJSON("Postmark sends one JSON record with its RecordType")
            }
            return try await apply(reports, inbox: inbox, provider: "postmark")
        }
        let body = try await body(of: request, context: context)
        if let signature = request.headers[Self.signatureHeader], let timestamp = request.headers[Self.timestampHeader] {
            guard let key = inbox[.sendgridEventPublicKey],
                WebhookSignature.isValidSendGridEventSignature(signature, timestamp: timestamp, body: body, publicKey: key)
            else { throw RapportError.unauthorized("The event signature does not verify with this inbox's sendgrid_event_public_key.") }
            guard let reports = SendGridEventWebhook.feedback(body) else { throw BodyError.malformedJSON("SendGrid sends a JSON array of events") }
            return try await apply(reports, inbox: inbox, provider: "sendgrid")
        }
        if let event = MailgunEventWebhook.read(body) {
            guard let key = inbox[.mailgunSigningKey],
                WebhookSignature.isValidMailgunSignature(event.signature, timestamp: event.timestamp, token: event.token, signingKey: key)
            else { throw RapportError.unauthorized("The Mailgun signature does not match this inbox's mailgun_signing_key.") }
            try await inboxes.acceptOnce(token: event.token, timestamp: event.timestamp, inbox: inbox)
            return try await apply(event.feedback, inbox: inbox, provider: "mailgun")
        }
        throw RapportError.unauthorized(
            "Send SendGrid's signed events, Mailgun's signed events or Postmark's with the inbox's postmark_basic_auth.")
    }

    private func body(of request: Request, context: RapportRequestContext) async throws -> [UInt8] {
        var request = request
        return Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
    }

    private func apply(_ reports: [DeliveryFeedback], inbox: Inbox, provider: String) async throws -> Response {
        try JSONResponse.make(EmailEventsResponse(applied: try await feedback.apply(reports, inbox: inbox, provider: provider)))
    }
}
