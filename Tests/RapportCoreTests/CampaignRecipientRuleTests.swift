import Foundation
import RapportCore
import Testing

@Suite("Campaign audience rule, without a database")
struct CampaignRecipientRuleTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func consent(_ status: ConsentStatus, expiresAt: Date? = nil) -> ConsentEntry {
        ConsentEntry(
            id: "cns_1", workspaceID: "wsp_1", customerID: "cus_1", purpose: .marketing, channel: .email, status: status, expiresAt: expiresAt,
            evidence: ConsentEvidence(source: .form, actor: "customer", occurredAt: now.addingTimeInterval(-86_400)), recordedAt: now)
    }

    static func facts(
        excluded: Bool = false, address: String? = "ana@example.com", consent: ConsentEntry? = consent(.granted),
        preferences: ContactPreferences? = nil, sends: [Date] = []
    ) -> CampaignRecipientFacts {
        CampaignRecipientFacts(
            customerID: "cus_1", excluded: excluded, address: address, marketingConsent: consent, preferences: preferences, recentSends: sends)
    }

    static func decide(_ facts: CampaignRecipientFacts, suppressed: [SuppressionReason] = [], share: Double = 0) -> CampaignRecipientRule.Decision {
        CampaignRecipientRule.decide(
            facts, channel: .email, suppressed: suppressed, cap: FrequencyCap(messages: 2, days: 7)!, holdoutShare: share, campaignID: "cmp_1",
            now: now)
    }

    @Test("each member gets one answer, asked in the report's order: excluded, address, suppression, consent, pause, cap")
    func reasons() {
        #expect(Self.decide(Self.facts()) == .send)
        #expect(Self.decide(Self.facts(excluded: true, address: nil, consent: nil)) == .skip(.excluded), "exclusion comes first")
        #expect(Self.decide(Self.facts(address: nil)) == .skip(.noAddress))
        #expect(Self.decide(Self.facts(), suppressed: [.hardBounce]) == .skip(.suppressed))
        #expect(Self.decide(Self.facts(consent: nil)) == .skip(.noConsent), "unknown is no")
        #expect(Self.decide(Self.facts(consent: Self.consent(.withdrawn))) == .skip(.noConsent))
        #expect(Self.decide(Self.facts(consent: Self.consent(.denied))) == .skip(.noConsent))
        #expect(Self.decide(Self.facts(consent: Self.consent(.granted, expiresAt: Self.now.addingTimeInterval(-1)))) == .skip(.noConsent), "expired")
        let paused = ContactPreferences(customerID: "cus_1", workspaceID: "wsp_1", pausedUntil: Self.now.addingTimeInterval(3600), updatedAt: Self.now)
        #expect(Self.decide(Self.facts(preferences: paused)) == .skip(.paused))
        #expect(Self.decide(Self.facts(consent: nil, preferences: paused)) == .skip(.noConsent), "a pause without consent is still no consent")
    }

    @Test("the campaign's cap and the customer's own choice of frequency both hold")
    func caps() {
        let oneRecent = [Self.now.addingTimeInterval(-2 * 86_400)]
        let twoRecent = oneRecent + [Self.now.addingTimeInterval(-86_400)]
        #expect(Self.decide(Self.facts(sends: oneRecent)) == .send)
        #expect(Self.decide(Self.facts(sends: twoRecent)) == .skip(.frequencyCap), "2 in 7 days reached")
        #expect(Self.decide(Self.facts(sends: [Self.now.addingTimeInterval(-8 * 86_400)] + oneRecent)) == .send, "older sends left the window")
        let weekly = ContactPreferences(customerID: "cus_1", workspaceID: "wsp_1", frequency: .weekly, updatedAt: Self.now)
        #expect(Self.decide(Self.facts(preferences: weekly, sends: oneRecent)) == .skip(.frequencyCap), "they asked for one a week")
    }

    @Test("the holdout is a fixed draw per campaign and customer, near the share asked")
    func holdout() {
        let ids = (0..<20_000).map { "cus_\($0)" }
        let held = ids.filter { CampaignRecipientRule.isHeldOut(customerID: $0, campaignID: "cmp_a", share: 0.05) }
        #expect(abs(Double(held.count) / Double(ids.count) - 0.05) < 0.005, "\(held.count) of \(ids.count)")
        #expect(held == ids.filter { CampaignRecipientRule.isHeldOut(customerID: $0, campaignID: "cmp_a", share: 0.05) }, "the same draw again")
        let other = Set(ids.filter { CampaignRecipientRule.isHeldOut(customerID: $0, campaignID: "cmp_b", share: 0.05) })
        #expect(other != Set(held), "another campaign draws anew")
        #expect(!ids.contains { CampaignRecipientRule.isHeldOut(customerID: $0, campaignID: "cmp_a", share: 0) })
        #expect(Self.decide(Self.facts(), share: 1) == .holdOut, "only those who could receive it are held out")
        #expect(Self.decide(Self.facts(consent: nil), share: 1) == .skip(.noConsent))
    }
}
