import Foundation
import RapportCore
import Testing

@Suite("Campaign definitions")
struct CampaignDefinitionParserTests {
    static let segment = "seg_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"
    static let other = "seg_01JD8Z6Q3V6N1K2M3P4Q5R6S7V"

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    /// The field the definition's 422 names, or nil when it parses.
    static func fault(_ text: String, channel: CampaignChannel = .email) throws -> String? {
        do {
            _ = try CampaignDefinitionParser.parse(try json(text), channel: channel)
            return nil
        } catch RapportError.invalid(let errors) {
            return errors.first?.field
        }
    }

    @Test("a whole definition reads back as it was written, with the defaults it left out filled in")
    func roundTrip() throws {
        let definition = try CampaignDefinitionParser.parse(try Self.json("""
            {"audience": {"segment_ids": ["\(Self.segment)"], "exclusion_segment_ids": ["\(Self.other)"]},
             "content": {"en": {"subject": "Hello {{customer.first_name}}", "preheader": "New in", "body": "# Hi"},
                         "id": {"subject": "Halo", "text": "Halo"}},
             "default_locale": "en", "schedule": {"local_time": "2027-03-01T09:00"}, "throttle": {"messages_per_second": 50}}
            """), channel: .email)
        #expect(definition.audience == CampaignAudience(segmentIDs: [Self.segment], exclusionSegmentIDs: [Self.other]))
        #expect(definition.content["id"] == CampaignContent(subject: "Halo", text: "Halo"))
        #expect(definition.holdoutShare == 0.05 && definition.frequencyCap == .standard && definition.messagesPerSecond == 50)
        guard case .localTime(let time)? = definition.schedule else { Issue.record("no local time"); return }
        #expect(time.text == "2027-03-01T09:00")
        #expect(time.earliestInstant == Timestamp.parse("2027-02-28T19:00:00Z"), "UTC+14 reaches 09:00 first, at 19:00 UTC the day before")
        #expect(try CampaignDefinitionParser.parse(definition.json, channel: .email) == definition)
    }

    @Test("each bad part is a 422 naming its path", arguments: [
        (#"[]"#, "definition"),
        (#"{"content": {"en": {"subject": "s", "body": "b"}}}"#, "definition.audience"),
        (#"{"audience": {"segment_ids": []}, "content": {"en": {"subject": "s", "body": "b"}}}"#, "definition.audience.segment_ids"),
        (#"{"audience": {"segment_ids": ["cus_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"]}, "content": {"en": {"subject": "s", "body": "b"}}}"#, "definition.audience.segment_ids[0]"),
        (#"{"audience": {"segment_ids": ["SEGMENT", "SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}}"#, "definition.audience.segment_ids[1]"),
        (#"{"audience": {"segment_ids": ["SEGMENT"], "exclusion_segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}}"#, "definition.audience.exclusion_segment_ids[0]"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {}}"#, "definition.content"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"english": {"subject": "s", "body": "b"}}}"#, "definition.content"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"id": {"body": "b"}}}"#, "definition.content.id.subject"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"id": {"subject": "a\r\nBcc: x@example.com", "body": "b"}}}"#, "definition.content.id.subject"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": " "}}}"#, "definition.content.en.body"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b", "html": "<p>"}}}"#, "definition.content.en.html"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}, "id": {"subject": "s", "body": "b"}}}"#, "definition.default_locale"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "default_locale": "id"}"#, "definition.default_locale"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "holdout_share": 0.6}"#, "definition.holdout_share"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "frequency_cap": {"messages": 0, "days": 7}}"#, "definition.frequency_cap.messages"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "schedule": {"at": "tomorrow"}}"#, "definition.schedule.at"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "schedule": {"local_time": "2027-02-30T09:00"}}"#, "definition.schedule.local_time"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "throttle": {"messages_per_second": 0.5}}"#, "definition.throttle.messages_per_second"),
        (#"{"audience": {"segment_ids": ["SEGMENT"]}, "content": {"en": {"subject": "s", "body": "b"}}, "variants": []}"#, "definition.variants"),
    ])
    func faults(text: String, field: String) throws {
        #expect(try Self.fault(text.replacingOccurrences(of: "SEGMENT", with: Self.segment)) == field)
    }

    @Test("an SMS has no subject and needs a text; an e-mail needs a subject")
    func channels() throws {
        let sms = #"{"audience": {"segment_ids": ["\#(Self.segment)"]}, "content": {"en": {"text": "Sale today"}}}"#
        #expect(try Self.fault(sms, channel: .sms) == nil)
        #expect(try Self.fault(sms, channel: .whatsapp) == "definition.content.en.text", "WhatsApp sends templates")
        #expect(try Self.fault(sms, channel: .email) == "definition.content.en.subject")
        let withSubject = #"{"audience": {"segment_ids": ["\#(Self.segment)"]}, "content": {"en": {"subject": "Hi", "text": "Sale"}}}"#
        #expect(try Self.fault(withSubject, channel: .sms) == "definition.content.en.subject")
        let empty = #"{"audience": {"segment_ids": ["\#(Self.segment)"]}, "content": {"en": {}}}"#
        #expect(try Self.fault(empty, channel: .sms) == "definition.content.en.text")
    }

    @Test("the short form names its own fields and files its content under en")
    func shorthand() throws {
        let definition = try CampaignDefinitionParser.parse(
            CampaignShorthand(segmentID: Self.segment, subject: "Hi", body: "Hello {{customer.first_name}}"), channel: .email)
        #expect(definition.defaultLocale == "en" && definition.content["en"]?.body == "Hello {{customer.first_name}}")
        #expect(definition.audience.segmentIDs == [Self.segment])
        #expect(throws: RapportError.invalid(field: "segment_id", "is required: the segment or list to send to (or give a whole `definition`)")) {
            try CampaignDefinitionParser.parse(CampaignShorthand(subject: "Hi", body: "x"), channel: .email)
        }
        do {
            _ = try CampaignDefinitionParser.parse(CampaignShorthand(segmentID: Self.segment, body: "x"), channel: .email)
            Issue.record("an e-mail without a subject was taken")
        } catch RapportError.invalid(let errors) {
            #expect(errors.map(\.field) == ["subject"])
        }
    }

    @Test("locales are languages with an optional region")
    func locales() {
        for good in ["en", "id", "pt-BR", "es-419", "fil"] { #expect(CampaignDefinitionParser.isLocale(good), "\(good)") }
        for bad in ["", "EN", "en_US", "en-us", "english", "en-", "-US", "en-US-x"] { #expect(!CampaignDefinitionParser.isLocale(bad), "\(bad)") }
    }
}
