import Foundation
import RapportCore
import Testing

/// The rule the set-based audience resolution asks once per group of alike members: who gets
/// nothing and why, and when the others' messages may first go, by the campaign's timing and,
/// in a test of send time, by each variant's own time.
@Suite("Campaign audience plan")
struct CampaignAudiencePlanTests {
    /// Monday 2026-09-21 14:13 UTC: 16:13 in Berlin, 23:13 in Tokyo.
    static let now = CampaignSendTimeTests.date("2026-09-21T14:13:00Z")

    static func plan(_ experiment: String? = nil, channel: CampaignChannel = .email, storeTimeZone: TimeZone = .gmt) throws -> CampaignAudiencePlan {
        let definition = try CampaignSendTimeTests.definition(experiment ?? "null", channel: channel)
        let campaign = Campaign(
            id: "cmp_01M85Z2TNC7PDQD87Z64YXE4SS", workspaceID: "wsp_1", name: "Autumn", channel: channel, inboxID: "inb_1", status: .sending,
            definition: definition, createdBy: "usr_1", createdAt: now, updatedAt: now)
        return CampaignAudiencePlan(campaign: campaign, now: now, storeTimeZone: storeTimeZone)
    }

    /// A group who may receive the campaign, unless told otherwise.
    static func group(
        excluded: Bool = false, suppressions: [SuppressionReason] = [], consent: ConsentStatus? = .granted, timeZone: String? = nil,
        phonePrefix: String? = nil
    ) -> CampaignAudienceGroup {
        CampaignAudienceGroup(
            excluded: excluded, hasAddress: true, suppressions: suppressions, consent: consent, consentExpired: false, frequency: nil, paused: false,
            recentSends: [], timeZone: timeZone, phonePrefix: phonePrefix)
    }

    @Test("without a schedule, quiet hours or a variant's time, nothing is timed: every group may go now, whatever its zone")
    func untimed() throws {
        let plan = try Self.plan(#"{"variants":[{"name":"B","content":{"en":{"subject":"Hi"}}}]}"#)
        #expect(!plan.isTimed)
        let outcome = plan.decide(Self.group(timeZone: "Asia/Tokyo"))
        #expect(outcome == CampaignAudienceOutcome(skipReason: nil, notBefore: nil))
        #expect(outcome.variantNotBefore.isEmpty)
    }

    @Test("in a send-time test each group gets each timed variant's next time on its clock; A and content-only variants keep the campaign's timing")
    func variantTimes() throws {
        let plan = try Self.plan(
            #"{"variants":[{"name":"B","local_time":"18:00"},{"name":"C","content":{"en":{"subject":"Hi"}}}]}"#,
            storeTimeZone: TimeZone(identifier: "Asia/Jakarta")!)
        #expect(plan.isTimed, "the members' zones are needed now")
        let berlin = plan.decide(Self.group(timeZone: "Europe/Berlin"))
        #expect(berlin.skipReason == nil && berlin.notBefore == nil, "A goes at once")
        #expect(berlin.variantNotBefore == ["B": CampaignSendTimeTests.date("2026-09-21T16:00:00Z")], "18:00 today in Berlin; nothing for C")
        let tokyo = plan.decide(Self.group(timeZone: "Asia/Tokyo"))
        #expect(tokyo.variantNotBefore["B"] == CampaignSendTimeTests.date("2026-09-22T09:00:00Z"), "23:13 in Tokyo: tomorrow")
        let unknown = plan.decide(Self.group())
        #expect(unknown.variantNotBefore["B"] == CampaignSendTimeTests.date("2026-09-22T11:00:00Z"), "no zone: the store's, 21:13 in Jakarta")
    }

    @Test("on SMS, quiet hours move both A and a variant's time out of the night")
    func quietHours() throws {
        let plan = try Self.plan(#"{"variants":[{"name":"B","local_time":"22:00"}]}"#, channel: .sms)
        let berlin = plan.decide(Self.group(phonePrefix: "+4915"))
        #expect(berlin.notBefore == nil, "16:13 in Berlin is inside the window")
        #expect(berlin.variantNotBefore["B"] == CampaignSendTimeTests.date("2026-09-22T06:00:00Z"), "22:00 waits for 08:00")
        let tokyo = plan.decide(Self.group(timeZone: "Asia/Tokyo", phonePrefix: "+4915"))
        #expect(tokyo.notBefore == CampaignSendTimeTests.date("2026-09-21T23:00:00Z"), "23:13 in Tokyo: A waits for 08:00")
        #expect(tokyo.variantNotBefore["B"] == CampaignSendTimeTests.date("2026-09-22T23:00:00Z"), "22:00 in Tokyo tomorrow, then 08:00 the day after")
    }

    @Test("a group that gets nothing says why, in the rule's order, and has no time")
    func skipped() throws {
        let plan = try Self.plan(#"{"variants":[{"name":"B","local_time":"18:00"}]}"#)
        let suppressed = plan.decide(Self.group(suppressions: [.hardBounce], timeZone: "Europe/Berlin"))
        #expect(suppressed == CampaignAudienceOutcome(skipReason: .suppressed, notBefore: nil))
        #expect(plan.decide(Self.group(consent: nil)).skipReason == .noConsent)
        #expect(plan.decide(Self.group(consent: .withdrawn)).skipReason == .noConsent)
        #expect(plan.decide(Self.group(excluded: true, suppressions: [.complaint])).skipReason == .excluded, "exclusion first")
        #expect(plan.decide(Self.group(excluded: true)).variantNotBefore.isEmpty)
    }
}
