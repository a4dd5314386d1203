import Foundation
import Hummingbird
import RapportChannels
import RapportCore

/// `/webhooks/twilio/voice/{inbox_id}`: the inbox's phone menu, answered with TwiML. A call
/// hears the greeting (spoken, or a recording), then "press 1" for the status of the
/// caller's latest order or "press 2" to leave a message for an agent. Each call is a
/// conversation message; `…/status` (Twilio's call status callback) logs it on the timeline
/// with its duration, menu path and recording URL. Every request is signed like SMS.
struct VoiceWebhookRoutes {
    let inboxes: InboxService
    let conversations: ConversationService
    let address: PublicAddress

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioVoice))) { request, context in try await answer(request, context: context) }
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioVoiceMenu))) { request, context in try await menu(request, context: context) }
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioVoiceRecording))) { request, context in try await recording(request, context: context) }
        router.post(RouterPath(SiteURL.route("inbox_id", SiteURL.twilioVoiceStatus))) { request, context in try await status(request, context: context) }
    }

    private func form(_ request: Request, _ context: RapportRequestContext) async throws -> (Inbox, [String: String], String) {
        let (inbox, fields) = try await TwilioWebhookRoutes.verifiedForm(
            request, context: context, inboxes: inboxes, channel: .voice, address: address)
        let values = Dictionary(fields, uniquingKeysWith: { first, _ in first })
        guard values["CallSid"] != nil else { throw RapportError.invalid(field: "CallSid", "is required") }
        return (inbox, values, address.base(of: request) + SiteURL.inbox(inbox).path)
    }

    @Sendable func answer(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let (inbox, values, base) = try await form(request, context)
        _ = try await conversations.callStarted(callSID: values["CallSid"] ?? "", from: values["From"] ?? "anonymous", inbox: inbox)
        var twiml = TwiML(voice: inbox[.voice])
        twiml.gather(action: base + "/menu") { prompts in
            if let audio = inbox[.greetingAudioURL] {
                prompts.play(audio)
            } else {
                prompts.say(inbox[.greeting] ?? "Thank you for calling \(inbox.name).")
            }
            prompts.say(inbox[.menuOrderStatus] ?? "For the status of your order, press 1.")
            prompts.say(inbox[.menuAgent] ?? "To leave a message for our team, press 2.")
        }
        twiml.sayGoodbye("We did not receive a choice. Goodbye.")
        return TwilioWebhookRoutes.twiml(twiml)
    }

    @Sendable func menu(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let (inbox, values, base) = try await form(request, context)
        let callSID = values["CallSid"] ?? ""
        let digit = values["Digits"] ?? ""
        try await conversations.updateCall(callSID: callSID, inbox: inbox) { $0.menuPath.append(digit) }
        var twiml = TwiML(voice: inbox[.voice])
        switch digit {
        case "1":
            twiml.say(ConversationService.orderStatusSpeech)
            twiml.record(action: base + "/recording", maxLength: 120)
        case "2":
            twiml.say("Please leave your message after the tone. An agent will get back to you.")
            twiml.record(action: base + "/recording", maxLength: 120)
        default:
            twiml.say("Sorry, that is not a choice.")
            twiml.redirect(base)
        }
        return TwilioWebhookRoutes.twiml(twiml)
    }

    @Sendable func recording(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let (inbox, values, _) = try await form(request, context)
        if let url = values["RecordingUrl"] {
            try await conversations.updateCall(callSID: values["CallSid"] ?? "", inbox: inbox) { $0.recordingURL = url }
        }
        var twiml = TwiML(voice: inbox[.voice])
        twiml.sayGoodbye("Thank you. Goodbye.")
        return TwilioWebhookRoutes.twiml(twiml)
    }

    @Sendable func status(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let (inbox, values, _) = try await form(request, context)
        let status = CallStatus(rawValue: values["CallStatus"] ?? CallStatus.completed.rawValue)
        let duration = values["CallDuration"].flatMap(Int.init)
        try await conversations.updateCall(callSID: values["CallSid"] ?? "", inbox: inbox) { details in
            details.status = status
            if let duration { details.durationSeconds = duration }
        }
        return TwilioWebhookRoutes.twiml(TwiML())
    }
}
