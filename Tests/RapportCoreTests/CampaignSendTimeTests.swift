import Foundation
import RapportCore
import Testing

/// A/B/n tests of send time without a database: a variant's `local_time` read and checked (and
/// the rule that everyone is in such a test), and when a variant's message may first go: the
/// next time the recipient's clock shows it, then quiet hours.
@Suite("Campaign A/B/n tests of send time")
struct CampaignSendTimeTests {
    static func definition(_ experiment: String, channel: CampaignChannel = .email, extra: String = "") throws -> CampaignDefinition {
        let content = channel == .email ? #"{"en":{"subject":"Hello","body":"Body"}}"# : #"{"en":{"text":"Hello"}}"#
        return try CampaignDefinitionParser.parse(
            try JSONParser.parse(Array("""
                {"audience":{"segment_ids":["\(CampaignDefinitionParserTests.segment)"]},"content":\(content),"experiment":\(experiment)\(extra)}
                """.utf8)), channel: channel)
    }

    /// The field a definition's 422 names, or nil when it parses.
    static func fault(_ experiment: String, extra: String = "") throws -> String? {
        do {
            _ = try definition(experiment, extra: extra)
            return nil
        } catch RapportError.invalid(let errors) {
            return errors.first?.field
        }
    }

    static func date(_ text: String) -> Date { Timestamp.parse(text)! }

    static func time(_ text: String) throws -> CampaignTimeOfDay { try #require(CampaignTimeOfDay(text: text)) }

    @Test("a variant may change only its send time; everyone is then in the test, and it reads back as written")
    func parsing() throws {
        let definition = try Self.definition(#"{"variants":[{"name":"B","local_time":"18:00"},{"name":"C","content":{"en":{"subject":"Hi"}},"local_time":"07:30"}],"test_share":1}"#)
        let experiment = try #require(definition.experiment)
        #expect(experiment.testsSendTime && experiment.testShare == 1)
        #expect(experiment.variants[0].localTime?.text == "18:00" && experiment.variants[0].content.isEmpty)
        #expect(experiment.variants[1].localTime == CampaignTimeOfDay(text: "07:30") && experiment.variants[1].content["en"]?.subject == "Hi")
        #expect(experiment.variants[0].json["local_time"] == .string("18:00") && experiment.variants[0].json["content"] == .object([:]))
        #expect(try CampaignDefinitionParser.parse(definition.json, channel: .email) == definition, "what the API writes reads back the same")

        let unsaid = try #require(try Self.definition(#"{"variants":[{"name":"B","local_time":"18:00"}]}"#).experiment)
        #expect(unsaid.testShare == 1, "1 unless given: nothing else is allowed")
        let content = try #require(try Self.definition(#"{"variants":[{"name":"B","content":{"en":{"subject":"Hi"}}}]}"#).experiment)
        #expect(!content.testsSendTime && content.testShare == 0.2)
        #expect(content.variants[0].json["local_time"] == nil, "a content variant is written as before")
    }

    @Test("a send-time test with part of the audience, a time that is no HH:MM, or a variant that changes nothing is a 422 naming the field")
    func faults() throws {
        #expect(try Self.fault(#"{"variants":[{"name":"B","local_time":"18:00"}],"test_share":0.5}"#) == "definition.experiment.test_share")
        #expect(try Self.fault(#"{"variants":[{"name":"B","content":{"en":{"subject":"x"}}},{"name":"C","local_time":"18:00"}],"test_share":0.2}"#)
            == "definition.experiment.test_share", "one variant with a time makes it a send-time test")
        for bad in [#""25:00""#, #""18:60""#, #""9:00""#, #""18:00:00""#, #""18h00""#, "1800"] {
            #expect(try Self.fault(#"{"variants":[{"name":"B","local_time":\#(bad)}],"test_share":1}"#) == "definition.experiment.variants[0].local_time", "\(bad)")
        }
        #expect(try Self.fault(#"{"variants":[{"name":"B"}]}"#) == "definition.experiment.variants[0].content")
        #expect(try Self.fault(#"{"variants":[{"name":"B","content":{},"local_time":null}]}"#) == "definition.experiment.variants[0].content")
        #expect(try Self.fault(#"{"variants":[{"name":"B","local_time":"18:00","send_at":"x"}]}"#) == "definition.experiment.variants[0].send_at")
        #expect(try Self.fault(#"{"variants":[{"name":"B","local_time":"18:00"}]}"#, extra: #","schedule":{"local_time":"2027-03-01T09:00"}"#)
            == "definition.experiment", "still no test with a local-time schedule")
        #expect(try Self.fault(#"{"variants":[{"name":"B","local_time":"18:00"}]}"#, extra: #","schedule":{"at":"2027-03-01T09:00:00Z"}"#) == nil)
        #expect(CampaignTimeOfDay(text: "00:00")?.text == "00:00" && CampaignTimeOfDay(text: "23:59")?.text == "23:59")
    }

    @Test("a variant's time is its next occurrence on the recipient's clock: today while it is ahead, else tomorrow, never at once")
    func nextOccurrence() throws {
        let timing = CampaignDeliveryTiming(schedule: nil, quietHours: nil)
        let evening = try Self.time("18:00")
        // Monday 2026-09-21 14:13 UTC: 16:13 in Berlin, 23:13 in Tokyo, 10:13 in New York.
        let now = Self.date("2026-09-21T14:13:00Z")
        let berlin = RecipientTimeZone.resolve(profileTimeZone: "Europe/Berlin", phone: nil, storeDefault: .gmt)
        let tokyo = RecipientTimeZone.resolve(profileTimeZone: "Asia/Tokyo", phone: nil, storeDefault: .gmt)
        let newYork = RecipientTimeZone.resolve(profileTimeZone: "America/New_York", phone: nil, storeDefault: .gmt)
        #expect(timing.notBefore(berlin, now: now, variantTime: evening) == Self.date("2026-09-21T16:00:00Z"), "18:00 today in Berlin")
        #expect(timing.notBefore(tokyo, now: now, variantTime: evening) == Self.date("2026-09-22T09:00:00Z"), "past in Tokyo: 18:00 tomorrow")
        #expect(timing.notBefore(newYork, now: now, variantTime: evening) == Self.date("2026-09-21T22:00:00Z"))
        #expect(timing.notBefore(berlin, now: Self.date("2026-09-21T16:00:00Z"), variantTime: evening) == Self.date("2026-09-22T16:00:00Z"),
            "the very minute is no longer ahead")
        let jakarta = RecipientTimeZone.resolve(profileTimeZone: nil, phone: nil, storeDefault: TimeZone(identifier: "Asia/Jakarta")!)
        #expect(timing.notBefore(jakarta, now: now, variantTime: evening) == Self.date("2026-09-22T11:00:00Z"), "the store's zone, 21:13 there")
        // Berlin's clocks go back on 25 October 2026: 18:00 on the 25th is an hour later in UTC than on the 24th.
        #expect(timing.notBefore(berlin, now: Self.date("2026-10-24T20:00:00Z"), variantTime: evening) == Self.date("2026-10-25T17:00:00Z"))
        // A local-time schedule whose time has passed goes at once; a variant's time never does.
        let schedule = CampaignDeliveryTiming(schedule: .localTime(try #require(CampaignLocalTime(text: "2026-09-21T09:00"))), quietHours: nil)
        #expect(schedule.notBefore(berlin, now: now) == nil)
    }

    @Test("quiet hours still hold over a variant's time: an SMS at 22:00 waits for the morning")
    func quietHours() throws {
        let timing = CampaignDeliveryTiming(schedule: nil, quietHours: .standard)
        let berlin = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+4915112345678", storeDefault: .gmt)
        let now = Self.date("2026-09-21T14:13:00Z")
        #expect(timing.notBefore(berlin, now: now, variantTime: try Self.time("22:00")) == Self.date("2026-09-22T06:00:00Z"), "08:00 in Berlin")
        #expect(timing.notBefore(berlin, now: now, variantTime: try Self.time("18:00")) == Self.date("2026-09-21T16:00:00Z"))
    }
}
