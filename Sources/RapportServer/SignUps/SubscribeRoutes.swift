import Foundation
import Hummingbird
import RapportCore

/// `POST /v1/subscribe`, beside the tracking calls and with the same write keys: a sign-up
/// form's request to hear from the store. Nothing is granted here; Rapport mails the address a
/// confirmation link (double opt-in). The answer is the same for every address, so a form
/// cannot learn which ones are known, bounced or held.
struct SubscribeRoutes {
    let signUps: SignUpService

    func register(on group: RouterGroup<WriteKeyRequestContext>) {
        group.post("subscribe", use: subscribe)
    }

    @Sendable func subscribe(_ request: Request, context: WriteKeyRequestContext) async throws -> Response {
        let bytes = try await TrackingRequests.body(of: request, context: context, limit: TrackingService.maximumEventBytes)
        var body = JSONObjectReader(try JSONObjectReader.object(from: bytes))
        let input = SignUpInput(
            email: body.requiredString("email", maxLength: 320) ?? "", purposes: body.stringArray("purposes") ?? [],
            text: body.string("text", maxLength: ConsentService.maximumTextLength), locale: body.string("locale", maxLength: 35),
            inboxID: body.string("inbox_id", maxLength: 64))
        // A server key relays the form's visitor; a browser key's `context` is not read at all.
        let relayed = body.any("context")
        // Segment's common fields ride along from SDKs; a sign-up does not use them.
        for field in ["anonymousId", "userId", "messageId", "timestamp", "integrations", "writeKey"] { _ = body.any(field) }
        try body.finish()
        let trusted = context.key.kind == .server
        let witness = TrackingRequests.witness(of: request, context: context, relayed: relayed)
        let signUp = try await signUps.signUp(
            input, workspaceID: context.key.workspaceID, requestedBy: "api_key:\(context.key.id)", witness: witness, trusted: trusted)
        return try JSONResponse.make(SubscribeResponse(expiresAt: signUp.expiresAt), status: .accepted)
    }
}
