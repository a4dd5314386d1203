import Foundation
import RapportCore

/// The new-campaign form as typed: its fields, the definition they make (Core's parser checks
/// it, as it checks the API's), and which field a refusal's path points at. E-mail only: SMS
/// and WhatsApp campaigns cannot be sent yet. One version of the content, and optionally a
/// second in another language; customers whose locale has neither get the first.
struct CampaignForm: Encodable, Sendable {
    var name = ""
    var inboxID = ""
    var segmentIDs: [String] = []
    var exclusionSegmentIDs: [String] = []
    var locale = CampaignShorthand.locale
    var subject = ""
    var preheader = ""
    /// Markdown.
    var body = ""
    var text = ""
    var variantLocale = ""
    var variantSubject = ""
    var variantPreheader = ""
    var variantBody = ""
    /// The share held out, in per cent.
    var holdout = String(Int((CampaignDefinition.defaultHoldoutShare * 100).rounded()))
    var capMessages = String(FrequencyCap.standard.messages)
    var capDays = String(FrequencyCap.standard.days)
    /// `yyyy-MM-ddTHH:mm` in UTC, as a `datetime-local` field sends it; empty: sent by hand.
    var sendAt = ""

    init() {}

    init(_ form: WebForm) {
        func value(_ name: String) -> String { form[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        name = value("name")
        inboxID = value("inbox_id")
        segmentIDs = form.fields.filter { $0.0 == "segment_ids" }.map(\.1)
        exclusionSegmentIDs = form.fields.filter { $0.0 == "exclusion_segment_ids" }.map(\.1)
        locale = value("locale")
        subject = value("subject")
        preheader = value("preheader")
        body = value("body")
        text = value("text")
        variantLocale = value("variant_locale")
        variantSubject = value("variant_subject")
        variantPreheader = value("variant_preheader")
        variantBody = value("variant_body")
        holdout = value("holdout")
        capMessages = value("cap_messages")
        capDays = value("cap_days")
        sendAt = value("send_at")
    }

    /// The campaign the form asks for; the form's own fields that do not read are a 422 here,
    /// the rest is Core's to check.
    func draft() throws -> CampaignDraft {
        CampaignDraft(name: name, channel: .email, inboxID: inboxID.isEmpty ? nil : inboxID, definition: try definition())
    }

    func definition() throws -> JSONValue {
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
        var content: [String: JSONValue] = [locale: Self.content(subject: subject, preheader: preheader, body: body, text: text)]
        if !variantLocale.isEmpty {
            guard variantLocale != locale else { throw RapportError.invalid(field: "variant_locale", "must be another language than the first version's") }
            content[variantLocale] = Self.content(subject: variantSubject, preheader: variantPreheader, body: variantBody, text: "")
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
            ("definition.schedule", "send_at"), ("definition.default_locale", "locale"), ("channel", "inbox_id"),
        ]
        if let match = parts.first(where: { path.hasPrefix($0.prefix) }) { return match.field }
        for (version, prefix) in [(variantLocale, "variant_"), (locale, "")] where !version.isEmpty {
            let base = "definition.content.\(version)"
            if path == base { return prefix + "locale" }
            if path.hasPrefix(base + ".") {
                let part = String(path.dropFirst(base.count + 1))
                // The second version has no plain-text field: its plain text is written from its message.
                return prefix + (part == "text" && !prefix.isEmpty ? "body" : part)
            }
        }
        return path.hasPrefix("definition.content") ? "locale" : path
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
        case "inbox_id": "Send through"
        case "segment_ids": "Send to"
        case "exclusion_segment_ids": "Leave out"
        case "locale": "Language"
        case "subject": "Subject"
        case "preheader": "Preheader"
        case "body": "Message"
        case "text": "Plain text"
        case "variant_locale": "Second language"
        case "variant_subject": "Subject in the second language"
        case "variant_preheader": "Preheader in the second language"
        case "variant_body": "Message in the second language"
        case "holdout": "Hold out"
        case "cap_messages", "cap_days": "Frequency cap"
        case "send_at": "Send at"
        default: field.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// One version's content as the definition takes it: the parts typed, empty ones left out
    /// (so the parser says which is required).
    private static func content(subject: String, preheader: String, body: String, text: String) -> JSONValue {
        var parts: [String: JSONValue] = [:]
        for (key, value) in [("subject", subject), ("preheader", preheader), ("body", body), ("text", text)] where !value.isEmpty {
            parts[key] = .string(value)
        }
        return .object(parts)
    }
}
