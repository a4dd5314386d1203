import Foundation
import Hummingbird
import HTTPTypes
import RapportChannels
import RapportCore

/// `POST /webhooks/email/{inbox_id}/events`: the sending provider's delivery events for an
/// e-mail inbox, each checked its provider's way before anything is read into Rapport:
/// SendGrid's Event Webhook signed with ECDSA (the inbox's `sendgrid_event_public_key`),
/// Mailgun's signed with HMAC (its `mailgun_signing_key`, each token once, within 15 minutes),
/// Postmark's with HTTP Basic credentials (its `postmark_basic_auth`), Amazon SES's through an
/// SNS subscription (`x-amz-sns-message-type`; the topic must be its `ses_sns_topic_arn`, the
/// RSA signature must verify with SNS's certificate, fetched from SNS alone, and the message
/// must be under 15 minutes old, each `MessageId` taken once). Hard bounces and
/// spam reports suppress the address, soft bounces once they repeat; spam reports and
/// unsubscribes withdraw marketing e-mail; a report naming a campaign e-mail marks its send.
struct EmailEventWebhookRoutes {
    let inboxes: InboxService
    let feedback: DeliveryFeedbackService
    let sns: any SNSClient
    let clock: any WallClock

    static let signatureHeader = HTTPField.Name("X-Twilio-Email-Event-Webhook-Signature")!
    static let timestampHeader = HTTPField.Name("X-Twilio-Email-Event-Webhook-Timestamp")!
    static let snsTypeHeader = HTTPField.Name(SNSMessage.typeHeader)!

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.emailEvents))) { request, context in try await receive(request, context: context) }
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let inbox = try await inboxes.inbox(id: try context.parameters.require("inbox_id"), channel: .email)
        // SNS first: a subscription URL with credentials in it would make SNS send Basic ones too.
        if let type = request.headers[Self.snsTypeHeader] {
            return try await receiveSNS(request, type: type, inbox: inbox, context: context)
        }
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
            "Send SendGrid's signed events, Mailgun's signed events, Postmark's with the inbox's postmark_basic_auth, or SES's through Amazon SNS.")
    }

    /// An Amazon SNS message of the inbox's SES topic. Checked in this order, so nothing is
    /// fetched for a message of another topic or naming a certificate anywhere but SNS: the
    /// topic, the certificate's URL, then the signature with that certificate (valid now, issued
    /// to SNS), then the signed `Timestamp` (no older than `InboxService.deliveryFreshness`, so a
    /// captured message cannot be replayed later). A notification's SES event is applied once
    /// per `MessageId`: SNS retries a message it saw no 2xx for with the same id, and a retry of
    /// one already applied is answered 200 with nothing applied; the id is recorded in the
    /// transaction that applies the event, so a retry after a failure is applied. A subscription
    /// is confirmed by a GET of its `SubscribeURL` when that is on SNS too (otherwise 422:
    /// confirm it in the AWS console); an unsubscribe confirmation changes nothing.
    private func receiveSNS(_ request: Request, type: String, inbox: Inbox, context: RapportRequestContext) async throws -> Response {
        guard let topic = inbox[.sesSNSTopicARN] else {
            throw RapportError.unauthorized("Set the inbox's ses_sns_topic_arn to the SNS topic SES publishes to; until then SNS messages are refused.")
        }
        guard let message = SNSMessage.read(try await body(of: request, context: context)), message.type.rawValue == type else {
            throw BodyError.malformedJSON("Amazon SNS sends one JSON message whose Type is the x-amz-sns-message-type header")
        }
        guard message.topicARN == topic else {
            throw RapportError.forbidden("The message is from another SNS topic than this inbox's ses_sns_topic_arn.")
        }
        guard let certificateURL = SNSURL.certificate(message.signingCertURL) else {
            throw RapportError.unauthorized(
                "SigningCertURL must be https://sns.<region>.amazonaws.com/SimpleNotificationService-….pem; Rapport fetches certificates from nowhere else.")
        }
        let certificate: String
        do {
            certificate = try await sns.certificate(at: certificateURL)
        } catch {
            throw HTTPError(.badGateway, message: "Amazon SNS's signing certificate could not be fetched: \(error)")
        }
        let now = clock.now()
        guard message.isValidSignature(certificatePEM: certificate, at: now) else {
            throw RapportError.unauthorized(
                "The SNS signature does not verify with the certificate at SigningCertURL (or that certificate is not Amazon SNS's, or not valid now).")
        }
        try Self.checkFresh(message, now: now)
        switch message.type {
        case .notification:
            // Another publisher's message on the topic is taken and ignored: SNS would only retry it.
            let reports = SESNotification.feedback(message.message, snsMessageID: message.messageID) ?? []
            let applied = try await feedback.apply(reports, inbox: inbox, provider: "ses", onceToken: "sns:" + message.messageID)
            return try JSONResponse.make(EmailEventsResponse(applied: applied))
        case .subscriptionConfirmation:
            guard let subscribeURL = message.subscribeURL.flatMap(SNSURL.subscription) else {
                throw RapportError.invalid(
                    field: "SubscribeURL", "is not on an Amazon SNS host, so Rapport does not call it; confirm the subscription in the AWS console")
            }
            do {
                try await sns.confirmSubscription(at: subscribeURL)
            } catch {
                throw HTTPError(.badGateway, message: "Amazon SNS did not take the confirmation (\(error)); confirm the subscription in the AWS console.")
            }
            return try JSONResponse.make(SNSSubscriptionResponse(confirmed: true))
        case .unsubscribeConfirmation:
            return try JSONResponse.make(SNSSubscriptionResponse(confirmed: false))
        }
    }

    /// How far ahead of this server's clock an SNS `Timestamp` may be (the clocks' skew). With
    /// `InboxService.deliveryFreshness` behind, a `MessageId` is refused as stale before the
    /// record of it is forgotten (`InboxService.purgeNonces`, after twice that).
    static let snsClockSkew: TimeInterval = 5 * 60

    /// A signed SNS message is refused (401) when its `Timestamp` is more than
    /// `InboxService.deliveryFreshness` old or `snsClockSkew` ahead: SNS retries a message for a
    /// minute by default (an hour at most), so an older one is a replay; and when its
    /// `MessageId` is no usable one-time token.
    static func checkFresh(_ message: SNSMessage, now: Date) throws {
        guard let sentAt = Timestamp.parse(message.timestamp) else {
            throw RapportError.invalid(field: "Timestamp", "is not an ISO 8601 time, as Amazon SNS writes it (2026-01-05T10:00:00.000Z)")
        }
        let age = now.timeIntervalSince(sentAt)
        guard age <= InboxService.deliveryFreshness else {
            throw RapportError.unauthorized(
                "The SNS message was sent at \(message.timestamp.prefix(40)), more than 15 minutes ago; it is refused as a possible replay.")
        }
        guard age >= -snsClockSkew else {
            throw RapportError.unauthorized(
                "The SNS message's Timestamp \(message.timestamp.prefix(40)) is more than 5 minutes ahead of this server's clock; check the server's time.")
        }
        guard !message.messageID.isEmpty, message.messageID.count <= 190 else {
            throw RapportError.unauthorized("The SNS message carries no usable MessageId.")
        }
    }

    private func body(of request: Request, context: RapportRequestContext) async throws -> [UInt8] {
        var request = request
        return Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
    }

    private func apply(_ reports: [DeliveryFeedback], inbox: Inbox, provider: String) async throws -> Response {
        try JSONResponse.make(EmailEventsResponse(applied: try await feedback.apply(reports, inbox: inbox, provider: provider)))
    }
}
