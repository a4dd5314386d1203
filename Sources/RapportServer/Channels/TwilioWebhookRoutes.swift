import Foundation
import HTTPTypes
import Hummingbird
import RapportChannels
import RapportCore

/// `/webhooks/twilio/sms/{inbox_id}` (inbound messages) and `…/status` (status callbacks):
/// form posts signed with `X-Twilio-Signature` over the URL Twilio called and the sorted
/// parameters, under the inbox's auth token. Answered with empty TwiML.
struct TwilioWebhookRoutes {
    let inboxes: InboxService
    let conversations: ConversationService
    let address: PublicAddress

    static let signatureHeader = HTTPField.Name("X-Twilio-Signature")!

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioSMS))) { request, context in try await receive(request, context: context) }
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioSMSStatus))) { request, context in try await receive(request, context: context) }
    }

    /// The verified form fields of a Twilio request to an inbox of `channel`.
    static func verifiedForm(
        _ request: Request, context: RapportRequestContext, inboxes: InboxService, channel: InboxChannel, address: PublicAddress
    ) async throws -> (Inbox, [(String, String)]) {
        let id = try context.parameters.require("inbox_id")
        let inbox = try await inboxes.inbox(id: id, channel: channel)
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fields = FormBody.parse(String(buffer: body))
        guard let signature = request.headers[signatureHeader],
            WebhookSignature.isValidTwilioSignature(
                signature, url: address.url(of: request), parameters: fields, authToken: inbox[.authToken] ?? "")
        else {
            throw RapportError.unauthorized("The X-Twilio-Signature does not match this inbox's auth token for \(address.url(of: request)).")
        }
        return (inbox, fields)
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let (inbox, fields) = try await Self.verifiedForm(request, context: context, inboxes: inboxes, channel: .sms, address: address)
        let outcome = try await conversations.receive(TwilioWebhook.payload(fields), inbox: inbox)
        var answer = TwiML()
        // A keyword gets the standard reply, unless Twilio's Advanced Opt-Out answered it
        // already (it says so with `OptOutType`).
        if !fields.contains(where: { $0.0 == "OptOutType" }) {
            for reply in outcome.automaticReplies { answer.message(reply) }
        }
        return Self.twiml(answer)
    }

    static func twiml(_ twiml: TwiML) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/xml"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: twiml.document)))
    }
}
