import Foundation
import RapportCore

/// The new-campaign form as typed: its fields, the definition they make (Core's parser checks
/// it, as it checks the API's), and which field a refusal's path points at. One version of the
/// content, and optionally a second in another language; customers whose locale has neither get
/// the first. The channel decides which fields make the content: an e-mail's subject,
/// preheader, Markdown message and plain text; an SMS's text; a WhatsApp message's approved
/// template with its body parameters, one per line. The other channels' fields are ignored.
struct CampaignForm: Encodable, Sendable {
    var name = ""
    /// `email`, `sms` or `whatsapp`: e-mail unless another is chosen.
    var channel = CampaignChannel.email.rawValue
    var inboxID = ""
    var segmentIDs: [String] = []
    var exclusionSegmentIDs: [String] = []
    var locale = CampaignShorthand.locale
    var subject = ""
    var preheader = ""
    /// Markdown.
    var body = ""
    var text = ""
    var smsText = ""
    var templateName = ""
    var templateLanguage = ""
    /// The template's body parameters, one per line.
    var templateParameters = ""
    var variantLocale = ""
    var variantSubject = ""
    var variantPreheader = ""
    var variantBody = ""
    var variantSMSText = ""
    var variantTemplateName = ""
    var variantTemplateLanguage = ""
    var variantTemplateParameters = ""
    /// The share held out, in per cent.
    var holdout = String(Int((CampaignDefinition.defaultHoldoutShare * 100).rounded()))
    var capMessages = String(FrequencyCap.standard.messages)
    var capDays = String(FrequencyCap.standard.days)
    /// `yyyy-MM-ddTHH:mm` in UTC, as a `datetime-local` field sends it; empty: sent by hand.
    var sendAt = ""

    init() {}

    init(_ form: WebForm) {
        // Browsers send a text area's line breaks as CR LF; an SMS is counted and sent with LF,
        // as the page's counter saw them while typing.
        func value(_ name: String) -> String {
            (form[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        name = value("name")
        channel = value("channel").isEmpty ? CampaignChannel.email.rawValue : value("channel")
        inboxID = value("inbox_id")
        segmentIDs = form.fields.filter { $0.0 == "segment_ids" }.map(\.1)
        exclusionSegmentIDs = form.fields.filter { $0.0 == "exclusion_segment_ids" }.map(\.1)
        locale = value("locale")
        subject = value("subject")
        preheader = value("preheader")
        body = value("body")
        text = value("text")
        smsText = value("sms_text")
        templateName = value("template_name")
        templateLanguage = value("template_language")
        templateParameters = value("template_parameters")
        variantLocale = value("variant_locale")
        variantSubject = value("variant_subject")
        variantPreheader = value("variant_preheader")
        variantBody = value("variant_body")
        variantSMSText = value("variant_sms_text")
        variantTemplateName = value("variant_template_name")
        variantTemplateLanguage = value("variant_template_language")
        variantTemplateParameters = value("variant_template_parameters")
        holdout = value("holdout")
        capMessages = value("cap_messages")
        capDays = value("cap_days")
        sendAt = value("send_at")
    }

    /// The channel chosen; nil for a value that names none.
    var campaignChannel: CampaignChannel? { CampaignChannel(rawValue: channel) }

    /// Whether anything is typed in the second version, on any channel (its part starts open).
    var hasSecondVersion: Bool {
        ![variantLocale, variantSubject, variantBody, variantSMSText, variantTemplateName, variantTemplateParameters].allSatisfy(\.isEmpty)
    }

    /// The campaign the form asks for; the form's own fields that do not read are a 422 here,
    /// the rest is Core's to check.
    func draft() throws -> CampaignDraft {
        guard let channel = campaignChannel else { throw RapportError.invalid(field: "channel", "must be e-mail, SMS or WhatsApp") }
        return CampaignDraft(name: name, channel: channel, inboxID: inboxID.isEmpty ? nil : inboxID, definition: try definition(for: channel))
    }

    func definition(for channel: CampaignChannel) throws -> JSONValue {
        // Left empty, each takes its default, as in the API.
        let defaults = CampaignForm()
        let holdout = self.holdout.isEmpty ? defaults.holdout : self.holdout
        guard let share = Double(holdout.replacingOccurrences(of: ",", with: ".")), share >= 0, share <= 50 else {
            throw RapportError.invalid(field: "holdout", "must be a share in per cent, from 0 to 50")
        }
        guard let messages = Int(capMessages.isEmpty ? defaults.capMessages : capMessages), let days = Int(capDays.isEmpty ? defaults.capDays : capDays)
        else {
            throw RapportError.invalid(field: "cap_messages", "must be whole numbers: at most so many messages in so many days")
        }
        var content: [String: JSONValue] = [locale: self.content(of: channel, second: false)]
        if !variantLocale.isEmpty {
            guard variantLocale != locale else { throw RapportError.invalid(field: "variant_locale", "must be another language than the first version's") }
            content[variantLocale] = self.content(of: channel, second: true)
        }
        var fields: [String: JSONValue] = [
            "audience": .object([
                "segment_ids": .array(segmentIDs.map(JSONValue.string)), "exclusion_segment_ids": .array(exclusionSegmentIDs.map(JSONValue.string)),
            ]),
            "content": .object(content),
            "default_locale": .string(locale),
            "holdout_share": .number(share / 100),
            "frequency_cap": .object(["messages": .number(Double(messages)), "days": .number(Double(days))]),
        ]
        if !sendAt.isEmpty {
            fields["schedule"] = .object(["at": .string(sendAt + (sendAt.count == 16 ? ":00Z" : "Z"))])
        }
        return .object(fields)
    }

    /// The form's field a refusal names by its path in the definition (or by its own name).
    func field(for path: String) -> String {
        let parts: [(prefix: String, field: String)] = [
            ("definition.audience.exclusion_segment_ids", "exclusion_segment_ids"), ("definition.audience", "segment_ids"),
            ("definition.holdout_share", "holdout"), ("definition.frequency_cap.days", "cap_days"), ("definition.frequency_cap", "cap_messages"),
            ("definition.schedule", "send_at"), ("definition.default_locale", "locale"),
        ]
        if path == "channel" { return "channel" }
        if let match = parts.first(where: { path.hasPrefix($0.prefix) }) { return match.field }
        for (version, prefix) in [(variantLocale, "variant_"), (locale, "")] where !version.isEmpty {
            let base = "definition.content.\(version)"
            if path == base { return prefix + "locale" }
            if path.hasPrefix(base + ".") { return prefix + contentField(String(path.dropFirst(base.count + 1)), second: !prefix.isEmpty) }
        }
        return path.hasPrefix("definition.content") ? "locale" : path
    }

    /// The field of one version's content that a part of its path (`subject`, `text`,
    /// `template.parameters[1]`) names, on the form's channel.
    private func contentField(_ part: String, second: Bool) -> String {
        switch campaignChannel {
        case .sms?: return "sms_text"
        case .whatsapp?:
            if part.hasPrefix("template.language") { return "template_language" }
            if part.hasPrefix("template.parameters") { return "template_parameters" }
            return "template_name"
        case .email?, nil:
            // The second e-mail version has no plain-text field: its plain text is written from its message.
            return part == "text" && second ? "body" : part
        }
    }

    /// A refusal in the form's words: `Subject is required: ….`
    func message(_ problems: [FieldError]) -> String {
        problems.map { problem in
            let message = problem.message.hasSuffix(".") ? problem.message : problem.message + "."
            return "\(Self.label(field(for: problem.field))) \(message)"
        }.joined(separator: " ")
    }

    static func label(_ field: String) -> String {
        switch field {
        case "name": "Name"
        case "channel": "Channel"
        case "inbox_id": "Send through"
        case "segment_ids": "Send to"
        case "exclusion_segment_ids": "Leave out"
        case "locale": "Language"
        case "subject": "Subject"
        case "preheader": "Preheader"
        case "body": "Message"
        case "text": "Plain text"
        case "sms_text": "SMS text"
        case "template_name": "Template name"
        case "template_language": "Template language"
        case "template_parameters": "Template parameters"
        case "variant_locale": "Second language"
        case "variant_subject": "Subject in the second language"
        case "variant_preheader": "Preheader in the second language"
        case "variant_body": "Message in the second language"
        case "variant_sms_text": "SMS text in the second language"
        case "variant_template_name": "Template name of the second language"
        case "variant_template_language": "Template language of the second language"
        case "variant_template_parameters": "Template parameters of the second language"
        case "holdout": "Hold out"
        case "cap_messages", "cap_days": "Frequency cap"
        case "send_at": "Send at"
        default: field.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// One version's content on `channel` as the definition takes it: the parts typed, empty
    /// ones left out (so the parser says which is required).
    private func content(of channel: CampaignChannel, second: Bool) -> JSONValue {
        switch channel {
        case .email:
            second
                ? Self.parts([("subject", variantSubject), ("preheader", variantPreheader), ("body", variantBody)])
                : Self.parts([("subject", subject), ("preheader", preheader), ("body", body), ("text", text)])
        case .sms:
            Self.parts([("text", second ? variantSMSText : smsText)])
        case .whatsapp:
            second
                ? Self.template(name: variantTemplateName, language: variantTemplateLanguage, parameters: variantTemplateParameters)
                : Self.template(name: templateName, language: templateLanguage, parameters: templateParameters)
        }
    }

    private static func parts(_ parts: [(String, String)]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: parts.filter { !$0.1.isEmpty }.map { ($0.0, JSONValue.string($0.1)) }))
    }

    /// `{"template": {"name", "language", "parameters"}}`, or no template when nothing of it is
    /// typed. Each line is a parameter; blank lines inside stay, for the parser to point at.
    private static func template(name: String, language: String, parameters: String) -> JSONValue {
        guard !(name + language + parameters).isEmpty else { return .object([:]) }
        let lines = parameters.isEmpty ? [] : parameters.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return .object([
            "template": .object(["name": .string(name), "language": .string(language), "parameters": .array(lines.map(JSONValue.string))])
        ])
    }
}
