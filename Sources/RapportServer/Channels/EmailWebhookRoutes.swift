import Foundation
import HTTPTypes
import Hummingbird
import RapportChannels
import RapportCore

/// `/webhooks/email/{inbox_id}`: received mail, in whichever form it comes. A Mailgun route
/// post (form fields with `timestamp`, `token`, `signature`) is checked against the inbox's
/// `mailgun_signing_key`; a SendGrid Inbound Parse post must carry the inbox's
/// `sendgrid_basic_auth` as HTTP Basic credentials; raw RFC 5322 MIME (from an MTA pipe)
/// must carry the inbox's `inbound_token` as a bearer token or `?token=`. A bounce
/// (`multipart/report; report-type=delivery-status`) is read as delivery feedback, not a
/// message.
struct EmailWebhookRoutes {
    let inboxes: InboxService
    let conversations: ConversationService
    let preferences: PreferenceService
    let feedback: DeliveryFeedbackService

    /// Mail with attachments is larger than API bodies.
    static let maximumSize = 25 << 20

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.inboundEmail))) { request, context in try await receive(request, context: context) }
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let id = try context.parameters.require("inbox_id")
        let inbox = try await inboxes.inbox(id: id, channel: .email)
        // A credential in the headers is checked before the body is read; without one, only an
        // inbox set up for Mailgun (whose signature is inside the form) reads the body at all.
        if let given = BasicCredentials.of(request) {
            guard let expected = inbox[.sendgridBasicAuth], WebhookSignature.constantTimeEquals(given, expected) else {
                throw RapportError.unauthorized("The HTTP Basic credentials are not this inbox's sendgrid_basic_auth.")
            }
        } else if let given = bearer(request) ?? request.uri.queryParameters.get("token").map({ String($0) }) {
            guard let expected = inbox[.inboundToken], WebhookSignature.constantTimeEquals(given, expected) else {
                throw RapportError.unauthorized("The token is not this inbox's inbound_token.")
            }
        } else if inbox[.mailgunSigningKey] == nil {
            throw RapportError.unauthorized(
                "Send the inbox's inbound_token (raw MIME), its sendgrid_basic_auth (SendGrid) or set up mailgun_signing_key (Mailgun).")
        }
        var request = request
        let body = Array(try await request.collectBody(upTo: Self.maximumSize).readableBytesView)
        let contentType = request.headers[.contentType] ?? "application/octet-stream"
        let message: InboundMessage?
        var raw: [UInt8]?
        if let form = InboundEmailForm.read(body: body, contentType: contentType) {
            if let signature = form["signature"], let token = form["token"], let timestamp = form["timestamp"] {
                guard let key = inbox[.mailgunSigningKey],
                    WebhookSignature.isValidMailgunSignature(signature, timestamp: timestamp, token: token, signingKey: key)
                else { throw RapportError.unauthorized("The Mailgun signature does not match this inbox's mailgun_signing_key.") }
                try await inboxes.acceptOnce(token: token, timestamp: timestamp, inbox: inbox)
                message = form.mailgunMessage()
                raw = form.rawMessage
            } else {
                guard let expected = inbox[.sendgridBasicAuth], let given = BasicCredentials.of(request),
                    WebhookSignature.constantTimeEquals(given, expected)
                else {
                    throw RapportError.unauthorized(
                        "SendGrid posts must carry the inbox's sendgrid_basic_auth (user:password) as HTTP Basic credentials in the URL.")
                }
                message = form.sendGridMessage()
                raw = form.rawMessage
            }
        } else {
            let given = bearer(request) ?? request.uri.queryParameters.get("token").map { String($0) }
            guard let expected = inbox[.inboundToken], let given, WebhookSignature.constantTimeEquals(given, expected) else {
                throw RapportError.unauthorized("Raw MIME posts must carry the inbox's inbound_token (Authorization: Bearer … or ?token=).")
            }
            message = InboundEmail.message(fromMIME: body)
            raw = body
        }
        // A bounce (RFC 3464) is no customer's message: it may suppress the address a message
        // of this inbox went to, and opens no conversation.
        if let raw, let report = DeliveryStatusReport.read(MIMEParser.parse(raw)) {
            let applied = try await feedback.applyReturned(report.feedback, originalMessageID: report.originalMessageID, inbox: inbox)
            return try JSONResponse.make(DeliveryReportResponse(suppressed: applied))
        }
        guard let message else {
            throw RapportError.invalid(field: "from", "the email has no sender address Rapport can read")
        }
        // `List-Unsubscribe`'s mailto: form: the subject carries the customer's unsubscribe token.
        // One that is not valid is an ordinary message (the customer may have typed the word).
        if let token = PreferenceService.unsubscribeToken(inSubject: message.subject) {
            do {
                try await preferences.unsubscribe(token: token, witness: .none, wording: "Unsubscribe by e-mail (List-Unsubscribe mailto:)")
                return try JSONResponse.make(UnsubscribedByMailResponse())
            } catch RapportError.notFound, RapportError.gone {}
        }
        let outcome = try await conversations.receive(ChannelPayload(messages: [message]), inbox: inbox)
        return try JSONResponse.make(ChannelWebhookResponse(outcome: outcome))
    }

    private func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
}
