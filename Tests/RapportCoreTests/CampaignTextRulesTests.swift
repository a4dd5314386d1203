import Foundation
import RapportCore
import Testing

/// What SMS and WhatsApp campaigns may contain, how a recipient's message is filled in, and when
/// it may go: the definition's rules per channel, the STOP line, one-line template parameters,
/// local-time sending and quiet hours.
@Suite("Campaign texts and their timing")
struct CampaignTextRulesTests {
    static let segment = CampaignDefinitionParserTests.segment

    static func definition(_ content: String, extra: String = "") -> String {
        #"{"audience": {"segment_ids": ["\#(segment)"]}, "content": \#(content)\#(extra)}"#
    }

    @Test("an SMS is its text: no subject, body or template, at most ten parts; a WhatsApp message is an approved template and nothing else")
    func contentPerChannel() throws {
        let fault = CampaignDefinitionParserTests.fault
        #expect(try fault(Self.definition(#"{"en": {"text": "Hi"}}"#), .sms) == nil)
        #expect(try fault(Self.definition(#"{"en": {"text": "Hi", "subject": "S"}}"#), .sms) == "definition.content.en.subject")
        #expect(try fault(Self.definition(#"{"en": {"body": "*Hi*"}}"#), .sms) == "definition.content.en.body")
        #expect(try fault(Self.definition(#"{"en": {"text": "Hi", "template": {"name": "a", "language": "en"}}}"#), .sms) == "definition.content.en.template")
        let long = String(repeating: "a", count: 153 * 10 + 1)
        #expect(try fault(Self.definition(#"{"en": {"text": "\#(long)"}}"#), .sms) == "definition.content.en.text", "eleven parts")
        #expect(try fault(Self.definition(#"{"en": {"text": "\#(long.dropLast())"}}"#), .sms) == nil, "ten parts")

        let template = #"{"name": "autumn_sale", "language": "en_US", "parameters": ["{{customer.first_name}}"]}"#
        #expect(try fault(Self.definition(#"{"en": {"template": \#(template)}}"#), .whatsapp) == nil)
        #expect(try fault(Self.definition(#"{"en": {"text": "Hi"}}"#), .whatsapp) == "definition.content.en.text")
        #expect(try fault(Self.definition(#"{"en": {}}"#), .whatsapp) == "definition.content.en.template")
        #expect(try fault(Self.definition(#"{"en": {"template": {"name": "Autumn Sale", "language": "en"}}}"#), .whatsapp) == "definition.content.en.template.name")
        #expect(try fault(Self.definition(#"{"en": {"template": {"name": "a", "language": "english"}}}"#), .whatsapp) == "definition.content.en.template.language")
        #expect(try fault(Self.definition(#"{"en": {"template": {"name": "a", "language": "en", "parameters": [""]}}}"#), .whatsapp)
            == "definition.content.en.template.parameters[0]")
        #expect(try fault(Self.definition(#"{"en": {"template": {"name": "a", "language": "en", "extra": 1}}}"#), .whatsapp) == "definition.content.en.template.extra")
        #expect(try fault(Self.definition(#"{"en": {"subject": "S", "body": "B", "template": \#(template)}}"#), .email) == "definition.content.en.template")

        let parsed = try CampaignDefinitionParser.parse(try CampaignDefinitionParserTests.json(Self.definition(#"{"en": {"template": \#(template)}}"#)), channel: .whatsapp)
        #expect(parsed.content["en"]?.template == TemplateMessage(name: "autumn_sale", language: "en_US", parameters: ["{{customer.first_name}}"]))
        #expect(try CampaignDefinitionParser.parse(parsed.json, channel: .whatsapp) == parsed, "it reads back as written")
        #expect(try fault(Self.definition(#"{"en": {"text": "For you: {{recommendations}}"}}"#), .sms) == "definition.content.en.text", "product cards are e-mail's")
        let stored = try CampaignDefinitionParserTests.json(Self.definition(#"{"en": {"text": "Written before templates"}}"#))
        #expect(try CampaignDefinitionParser.parse(stored, channel: .whatsapp, checkingContent: false).content["en"]?.text == "Written before templates",
            "a draft saved under older rules stays readable")
    }

    @Test("an A/B test cannot go with a local-time schedule: the rest would get the winner at whatever hour the test ends")
    func experimentWithLocalTime() throws {
        let experiment = #", "experiment": {"variants": [{"name": "B", "content": {"en": {"text": "Hey"}}}]}"#
        #expect(try CampaignDefinitionParserTests.fault(
            Self.definition(#"{"en": {"text": "Hi"}}"#, extra: experiment + #", "schedule": {"local_time": "2027-03-01T09:00"}"#), channel: .sms) == "definition.experiment")
        #expect(try CampaignDefinitionParserTests.fault(
            Self.definition(#"{"en": {"text": "Hi"}}"#, extra: experiment + #", "schedule": {"at": "2027-03-01T09:00:00Z"}"#), channel: .sms) == nil)
    }

    @Test("a WhatsApp id stands for the phone number when the profile has none: its calling code says where they are")
    func whatsAppIDZone() {
        let facts = CampaignRecipientFacts(
            customerID: "cus_1", excluded: false, address: "4915112345678", marketingConsent: nil, preferences: nil, recentSends: [])
        let zone = facts.recipientTimeZone(storeDefault: .gmt)
        #expect(zone.source == .phone && zone.timeZone.identifier == "Europe/Berlin" && zone.country == "DE")
        let email = CampaignRecipientFacts(customerID: "cus_2", excluded: false, address: "a@b.test", marketingConsent: nil, preferences: nil, recentSends: [])
        #expect(email.recipientTimeZone(storeDefault: .gmt).source == .store)
    }

    @Test("quiet hours are on for SMS and WhatsApp and off for e-mail unless the definition says; anything but a boolean is refused")
    func quietHoursSwitch() throws {
        let sms = try CampaignDefinitionParser.parse(try CampaignDefinitionParserTests.json(Self.definition(#"{"en": {"text": "Hi"}}"#)), channel: .sms)
        #expect(sms.keepsQuietHours(on: .sms) && sms.keepsQuietHours(on: .whatsapp) && !sms.keepsQuietHours(on: .email))
        let off = try CampaignDefinitionParser.parse(
            try CampaignDefinitionParserTests.json(Self.definition(#"{"en": {"text": "Hi"}}"#, extra: #", "quiet_hours": false"#)), channel: .sms)
        #expect(!off.keepsQuietHours(on: .sms) && off.json["quiet_hours"] == .bool(false))
        #expect(try CampaignDefinitionParserTests.fault(Self.definition(#"{"en": {"text": "Hi"}}"#, extra: #", "quiet_hours": "yes""#), channel: .sms)
            == "definition.quiet_hours")
    }

    @Test("an SMS gets its variables and ends with the way out in the recipient's language, unless it says STOP itself")
    func smsText() {
        let values = ["customer.first_name": "Anna"]
        #expect(CampaignTextRenderer.sms("Hi {{customer.first_name}}!", values: values, locale: "en") == "Hi Anna!\nReply STOP to opt out")
        #expect(CampaignTextRenderer.sms("Halo {{customer.first_name}}", values: values, locale: "id") == "Halo Anna\nBalas STOP untuk berhenti")
        #expect(CampaignTextRenderer.sms("Sale! Text STOP to end.", values: values, locale: "en") == "Sale! Text STOP to end.")
        #expect(CampaignTextRenderer.sms("Stop by our shop, non-stop deals!", values: values, locale: "en") == "Stop by our shop, non-stop deals!\nReply STOP to opt out", "no way out told")
        #expect(CampaignTextRenderer.sms("Diskon! Balas STOP untuk berhenti", values: values, locale: "id") == "Diskon! Balas STOP untuk berhenti")
        #expect(CampaignTextRenderer.sms("Hi {{customer.first_name | default: \"there\"}}", values: [:], locale: "en") == "Hi there\nReply STOP to opt out")
    }

    @Test("a template's parameters are filled in on one line, without runs of spaces, and never empty")
    func templateParameters() {
        let template = TemplateMessage(name: "sale", language: "en", parameters: ["{{customer.first_name}}", "a\n\tb     c", "{{customer.last_name}}"])
        let filled = CampaignTextRenderer.whatsApp(template, values: ["customer.first_name": " Anna\nMarie "])
        #expect(filled == TemplateMessage(name: "sale", language: "en", parameters: ["Anna Marie", "a b c", "-"]))
    }

    static func date(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test("a local-time schedule is read on the recipient's own clock; a time already past there goes at once")
    func localTime() throws {
        let timing = CampaignDeliveryTiming(schedule: .localTime(try #require(CampaignLocalTime(text: "2026-09-22T09:00"))), quietHours: nil)
        let now = Self.date("2026-09-21T19:00:00Z")
        let tokyo = RecipientTimeZone.resolve(profileTimeZone: "Asia/Tokyo", phone: nil, storeDefault: .gmt)
        let berlin = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+4915112345678", storeDefault: .gmt)
        let store = RecipientTimeZone.resolve(profileTimeZone: nil, phone: nil, storeDefault: TimeZone(identifier: "Asia/Jakarta")!)
        #expect(timing.notBefore(tokyo, now: now) == Self.date("2026-09-22T00:00:00Z"))
        #expect(timing.notBefore(berlin, now: now) == Self.date("2026-09-22T07:00:00Z"))
        #expect(timing.notBefore(store, now: now) == Self.date("2026-09-22T02:00:00Z"))
        #expect(timing.notBefore(tokyo, now: Self.date("2026-09-22T03:00:00Z")) == nil, "noon in Tokyo: at once")
    }

    @Test("quiet hours hold a message until the recipient's next opening, in every zone their number may be in; inside the window it goes now")
    func quietHours() {
        let timing = CampaignDeliveryTiming(schedule: nil, quietHours: .standard)
        let tokyo = RecipientTimeZone.resolve(profileTimeZone: "Asia/Tokyo", phone: "+4915112345678", storeDefault: .gmt)
        #expect(timing.notBefore(tokyo, now: Self.date("2026-09-21T14:13:00Z")) == Self.date("2026-09-21T23:00:00Z"), "23:13 in Tokyo: 08:00 next")
        #expect(timing.notBefore(tokyo, now: Self.date("2026-09-22T02:00:00Z")) == nil, "11:00 in Tokyo")
        // France: not on Sundays. Sunday 2026-09-27 10:00 in Paris waits for Monday 08:00.
        let paris = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+33612345678", storeDefault: .gmt)
        #expect(timing.notBefore(paris, now: Self.date("2026-09-27T08:00:00Z")) == Self.date("2026-09-28T06:00:00Z"))
        // +1 spans Honolulu to St. John's: 08:00 in Honolulu is 18:00 UTC.
        let northAmerica = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+12125550100", storeDefault: .gmt)
        #expect(timing.notBefore(northAmerica, now: Self.date("2026-09-21T14:13:00Z")) == Self.date("2026-09-21T18:00:00Z"))
        #expect(!CampaignDeliveryTiming(schedule: nil, quietHours: nil).isTimed)
    }
}
