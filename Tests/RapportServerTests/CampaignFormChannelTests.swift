import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// The new-campaign form on SMS and WhatsApp: the channel chosen decides which fields make the
/// content, the inboxes come grouped by channel, and a campaign's page shows an SMS with the
/// sender's count of its parts and a WhatsApp message with its template.
@Suite("Campaign form: SMS and WhatsApp")
struct CampaignFormChannelTests {
    static let gsmText = "Hi {{customer.first_name | default: \"there\"}},\r\n20% off quills: €5 each."
    /// An en dash makes the whole text UCS-2: 98 UTF-16 units, two parts of at most 67.
    static let unicodeText = "Halo {{customer.first_name}}, diskon 20% – pena baru datang minggu ini. Balas STOP untuk berhenti."

    /// A list to send to, and an inbox of `channel` with `settings`.
    static func setUp(_ api: APIHarness, channel: String, settings: String) async throws -> (inboxID: String, listID: String) {
        let inbox = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"\#(channel)","name":"Shop \#(channel)","settings":\#(settings)}"#)
        let inboxID = try #require(inbox.object["id"] as? String, "\(inbox.text)")
        let list = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name":"Newsletter","kind":"list"}"#).object["id"] as? String)
        return (inboxID, list)
    }

    static let smsSettings = #"{"account_sid":"AC1","auth_token":"t","phone_number":"+4930123456"}"#
    static let whatsAppSettings = #"""
        {"phone_number_id":"1122334455667","access_token":"EAAG-test","app_secret":"wa-secret","verify_token":"let-me-in","whatsapp_business_account_id":"102290129340398"}
        """#

    @Test("an SMS campaign from the form: its text only (LF line breaks), a second language, and the sender's count of parts on its page", arguments: TestDatabase.available)
    func smsCampaign(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, listID) = try await Self.setUp(api, channel: "sms", settings: Self.smsSettings)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let form = try await WebWorkspaceTests.get(api, "/campaigns/new", cookie: marketer.cookie)
            #expect(form.text.contains(#"<optgroup label="SMS" data-channel="sms"><option value="\#(inboxID)">"#), "the inboxes come grouped by channel")
            #expect(form.text.contains(#"name="channel" value="sms""#) && form.text.contains(#"WhatsApp (no inbox yet)"#))
            #expect(form.text.contains(#"<script type="module" src="/assets/sms-segments.js"></script>"#))
            #expect(form.text.contains(#"id="campaign-sms-count" aria-live="polite">0 characters · GSM-7 · 0 SMS</p>"#))

            let fields = [
                ("_csrf", marketer.csrf), ("name", "Quill SMS"), ("channel", "sms"), ("inbox_id", inboxID), ("segment_ids", listID),
                ("subject", "An e-mail field, ignored on SMS"), ("sms_text", Self.gsmText), ("locale", "en"), ("variant_locale", "id"),
                ("variant_sms_text", Self.unicodeText), ("holdout", "0"), ("cap_messages", "3"), ("cap_days", "7"), ("send_at", ""),
            ]
            let created = try await WebWorkspaceTests.post(api, "/campaigns", fields, cookie: marketer.cookie)
            #expect(created.status == .seeOther, "\(created.text)")
            let path = created.headers[.location] ?? ""
            let saved = try await api.send(.get, "/api/v1/campaigns/\(path.dropFirst("/campaigns/".count))")
            #expect(saved.object["channel"] as? String == "sms")
            let content = try #require((saved.object["definition"] as? [String: Any])?["content"] as? [String: [String: Any]])
            #expect(content["en"]?["text"] as? String == Self.gsmText.replacingOccurrences(of: "\r\n", with: "\n"), "a browser's CR LF is kept as LF")
            #expect(content["en"]?["subject"] == nil, "the other channels' fields make no content")
            #expect(content["id"]?["text"] as? String == Self.unicodeText)

            let page = try await WebWorkspaceTests.get(api, path, cookie: marketer.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<small class="hint sms-count" data-locale="en">77 characters · GSM-7 · 1 SMS</small>"#), "{ } | € count two")
            #expect(page.text.contains(#"<small class="hint sms-count" data-locale="id">98 characters · UCS-2 · 2 SMS</small>"#))
            #expect(page.text.contains("marketing SMS messages in 7 days"))

            // Refused as typed: the SMS keeps its text and the counter its count.
            let tooLong = String(repeating: "Ж", count: 68 * 10)
            var refusedFields = fields.filter { $0.0 != "sms_text" }
            refusedFields.append(("sms_text", tooLong))
            let refused = try await WebWorkspaceTests.post(api, "/campaigns", refusedFields, cookie: marketer.cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("SMS text is 11 SMS parts long"), "\(refused.text.prefix(2000))")
            #expect(refused.text.contains(#"data-sms-counter="campaign-sms-count" aria-describedby="campaign-sms-count" aria-invalid="true">"#))
            #expect(refused.text.contains("680 characters · UCS-2 · 11 SMS"))
        }
    }

    @Test("a WhatsApp campaign from the form: the template's name, language and one parameter a line; a bad language marks its field", arguments: TestDatabase.available)
    func whatsAppCampaign(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, listID) = try await Self.setUp(api, channel: "whatsapp", settings: Self.whatsAppSettings)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let form = try await WebWorkspaceTests.get(api, "/campaigns/new", cookie: marketer.cookie)
            #expect(form.text.contains(#"<option value="\#(inboxID)" data-templates="">"#), "an inbox with a business account offers its templates")
            #expect(form.text.contains(#"<script type="module" src="/assets/campaign-form.js"></script>"#))

            var fields = [
                ("_csrf", marketer.csrf), ("name", "Order news"), ("channel", "whatsapp"), ("inbox_id", inboxID), ("segment_ids", listID),
                ("template_name", "order_update"), ("template_language", "english"),
                ("template_parameters", "{{customer.first_name | default: \"there\"}}\r\n1001\r\n"), ("locale", "en"), ("holdout", "0"),
            ]
            let refused = try await WebWorkspaceTests.post(api, "/campaigns", fields, cookie: marketer.cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"name="template_language" maxlength="15" size="8" value="english" aria-invalid="true""#), "\(refused.text.prefix(1500))")
            #expect(refused.text.contains("Template language is required"))

            fields = fields.map { $0.0 == "template_language" ? ($0.0, "en_US") : $0 }
            let created = try await WebWorkspaceTests.post(api, "/campaigns", fields, cookie: marketer.cookie)
            #expect(created.status == .seeOther, "\(created.text)")
            let path = created.headers[.location] ?? ""
            let saved = try await api.send(.get, "/api/v1/campaigns/\(path.dropFirst("/campaigns/".count))")
            let content = try #require((saved.object["definition"] as? [String: Any])?["content"] as? [String: [String: Any]])
            let template = try #require(content["en"]?["template"] as? [String: Any])
            #expect(template["name"] as? String == "order_update" && template["language"] as? String == "en_US")
            #expect(template["parameters"] as? [String] == ["{{customer.first_name | default: \"there\"}}", "1001"], "one a line, the last line break dropped")

            let page = try await WebWorkspaceTests.get(api, path, cookie: marketer.cookie)
            #expect(page.text.contains(#"<code class="template-name">order_update (en_US)</code>"#))
            #expect(page.text.contains("<li>1001</li>"))
        }
    }

    @Test("a channel that is none, or an inbox of another channel, is refused with the field marked", arguments: TestDatabase.available)
    func channelRefusals(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, listID) = try await Self.setUp(api, channel: "sms", settings: Self.smsSettings)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let base = [("_csrf", marketer.csrf), ("name", "Mixed up"), ("inbox_id", inboxID), ("segment_ids", listID), ("locale", "en")]
            let fax = try await WebWorkspaceTests.post(api, "/campaigns", base + [("channel", "fax")], cookie: marketer.cookie)
            #expect(fax.status == .unprocessableContent && fax.text.contains("Channel must be e-mail, SMS or WhatsApp"))
            #expect(fax.text.contains(#"<fieldset id="campaign-channel" aria-invalid="true">"#))
            let email = try await WebWorkspaceTests.post(
                api, "/campaigns", base + [("channel", "email"), ("subject", "Hi"), ("body", "Hello")], cookie: marketer.cookie)
            #expect(email.status == .unprocessableContent && email.text.contains("e-mail campaigns send through e-mail inboxes"), "\(email.text.prefix(1500))")
            #expect(email.text.contains(#"<select id="campaign-inbox" name="inbox_id" aria-invalid="true">"#))
        }
    }
}
