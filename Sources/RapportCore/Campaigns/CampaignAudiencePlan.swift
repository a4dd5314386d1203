import Foundation

/// How a campaign's audience is resolved at `now`, set-based: the store counts a stretch of
/// members by `CampaignAudienceGroup`, asks `decide` once per group, and writes each member's
/// send from their group's outcome and their own draws (`CampaignRecipientRule.draw`: held out
/// below `holdoutShare`; in an A/B test, tested below the test share, else waiting). A variant
/// of a send-time test has its own time per group (`CampaignAudienceOutcome.variantNotBefore`),
/// which the store gives the members its draw puts in that variant.
///
/// `decide` puts a group's facts through the same `CampaignRecipientRule.decide` a single
/// member goes through, so the rule stays here: the store only counts.
public struct CampaignAudiencePlan: Sendable {
    public let campaign: Campaign
    public let now: Date
    /// The windows, in days, whose recent sends the rule may count (the campaign's cap, and
    /// each contact frequency's), shortest first.
    public let windows: [Int]
    public let timing: CampaignDeliveryTiming
    /// The zone of a recipient nothing about says where they are.
    public let storeTimeZone: TimeZone

    public init(campaign: Campaign, now: Date, storeTimeZone: TimeZone) {
        self.campaign = campaign
        // In whole microseconds, as the store compares times, so a grant or pause ending at
        // this instant reads the same in SQL as here.
        self.now = Timestamp.date(microseconds: Timestamp.microseconds(now))
        self.storeTimeZone = storeTimeZone
        let chosen = ContactFrequency.allCases.compactMap { FrequencyCap.chosen(by: $0)?.days }
        windows = Set([campaign.definition.frequencyCap.days] + chosen).sorted()
        timing = CampaignDeliveryTiming(campaign.definition, channel: campaign.channel)
    }

    /// Whether a member's time zone can hold their message back (groups then carry it): the
    /// campaign's timing, or a variant of a send-time test going at its own local time.
    public var isTimed: Bool { timing.isTimed || campaign.definition.experiment?.testsSendTime == true }

    /// Where each window starts: sends after it, and not after `now`, count.
    public var windowStarts: [Date] { windows.map { now.addingTimeInterval(-Double($0) * 86_400) } }

    /// Whether a member's address stands for their number when they have none (a WhatsApp id
    /// is the number without its `+`).
    public var addressIsNumber: Bool { campaign.channel == .whatsapp }

    /// The outcome for every member of `group`.
    public func decide(_ group: CampaignAudienceGroup) -> CampaignAudienceOutcome {
        let facts = CampaignRecipientFacts(
            customerID: "", excluded: group.excluded, address: group.hasAddress ? "-" : nil, marketingConsent: consent(group),
            preferences: group.frequency.map { frequency in
                ContactPreferences(
                    customerID: "", workspaceID: campaign.workspaceID, frequency: frequency, pausedUntil: group.paused ? now.addingTimeInterval(1) : nil,
                    updatedAt: now)
            },
            recentSends: sends(group.recentSends), timeZone: group.timeZone, phone: group.phonePrefix)
        let definition = campaign.definition
        switch CampaignRecipientRule.decide(
            facts, channel: campaign.channel, suppressed: group.suppressions, cap: definition.frequencyCap, holdoutShare: 0, campaignID: campaign.id,
            now: now)
        {
        case .skip(let reason):
            return CampaignAudienceOutcome(skipReason: reason, notBefore: nil)
        case .send, .holdOut:
            guard isTimed else { return CampaignAudienceOutcome(skipReason: nil, notBefore: nil) }
            let recipient = facts.recipientTimeZone(storeDefault: storeTimeZone)
            var variantNotBefore: [String: Date] = [:]
            for variant in definition.experiment?.variants ?? [] {
                guard let time = variant.localTime, let at = timing.notBefore(recipient, now: now, variantTime: time) else { continue }
                variantNotBefore[variant.name] = at
            }
            return CampaignAudienceOutcome(skipReason: nil, notBefore: timing.notBefore(recipient, now: now), variantNotBefore: variantNotBefore)
        }
    }

    /// A consent entry that stands for the group's latest answer.
    private func consent(_ group: CampaignAudienceGroup) -> ConsentEntry? {
        guard let status = group.consent, let channel = campaign.channel.inboxChannel.consentChannel else { return nil }
        return ConsentEntry(
            id: "", workspaceID: campaign.workspaceID, customerID: "", purpose: .marketing, channel: channel, status: status,
            expiresAt: group.consentExpired ? now.addingTimeInterval(-1) : nil,
            evidence: ConsentEvidence(source: .api, actor: "audience", occurredAt: now), recordedAt: now)
    }

    /// Send times that fall in the windows as counted: the sends of the shortest window a second
    /// before `now`, each further window's extra ones a second before the previous one starts.
    private func sends(_ counts: [Int]) -> [Date] {
        var dates: [Date] = []
        var counted = 0
        for (index, count) in zip(counts.indices, counts) where index < windows.count && count > counted {
            let at = index == 0 ? now.addingTimeInterval(-1) : windowStarts[index - 1].addingTimeInterval(-1)
            dates += Array(repeating: at, count: count - counted)
            counted = count
        }
        return dates
    }
}
