import Foundation

extension JourneyRunner {
    /// The batch's messages as rows of their step campaigns' send logs, decided as a campaign
    /// decides for each member of its audience (`CampaignRecipientRule`: the address, the
    /// suppressions, the consent gate for marketing, the frequency caps; no holdout, the
    /// journey drew its own at entry): queued for the campaign sender, or skipped with the
    /// reason, which the step's run records too. The sender asks the consent gate and the
    /// suppressions again just before each goes, and keeps quiet hours.
    func queue(_ messages: [JourneyMessage], plan: inout JourneyBatchPlan, at now: Date) async throws {
        guard !messages.isEmpty else { return }
        let campaigns = try await store.read { session in
            try await session.campaigns.journeyCampaigns(journeyIDs: Array(Set(messages.map(\.journeyID))).sorted())
        }
        var byStep: [String: Campaign] = [:]
        for campaign in campaigns {
            guard let step = campaign.journeyStep else { continue }
            byStep[Self.stepCampaignKey(step.journeyID, step.version, step.stepKey)] = campaign
        }
        let groups = Dictionary(grouping: messages) { Self.stepCampaignKey($0.journeyID, $0.version, $0.stepKey) }
        var recipients: [String: (facts: [String: CampaignRecipientFacts], suppressed: [String: [SuppressionReason]])] = [:]
        for (key, group) in groups {
            guard let campaign = byStep[key] else { continue }
            recipients[key] = try await self.recipients(of: group, for: campaign, at: now)
        }
        // Decided in the order the walks ran them, so marketing queued earlier in this batch
        // counts against the cap of what follows (two message steps in a row, or two journeys
        // at once, reach one customer together).
        var queuedNow: [String: [Date]] = [:]
        for message in messages.sorted(by: { $0.runIndex < $1.runIndex }) {
            let key = Self.stepCampaignKey(message.journeyID, message.version, message.stepKey)
            guard let campaign = byStep[key], let known = recipients[key] else {
                // Published before its step had a campaign: nothing can carry the message.
                plan.runs[message.runIndex].skipped = "no_campaign"
                continue
            }
            var decision = CampaignRecipientRule.Decision.skip(.gone)
            var customer = known.facts[message.customerID]
            if var facts = customer {
                facts.recentSends += queuedNow[message.customerID] ?? []
                customer = facts
                decision = CampaignRecipientRule.decide(
                    facts, channel: campaign.channel, suppressed: facts.address.flatMap { known.suppressed[$0] } ?? [], cap: campaign.definition.frequencyCap,
                    holdoutShare: 0, campaignID: campaign.id, now: now, purpose: campaign.consentPurpose)
            }
            var send = CampaignSend(
                id: ResourceID.make(.campaignSend, at: now), campaignID: campaign.id, workspaceID: message.workspaceID, customerID: message.customerID,
                status: .queued, address: customer?.address, queuedAt: now, notBefore: now, occurrence: message.occurrence)
            if case .skip(let reason) = decision {
                send.status = .skipped
                send.skipReason = reason
                plan.runs[message.runIndex].skipped = reason.rawValue
            } else if campaign.consentPurpose != nil {
                queuedNow[message.customerID, default: []].append(now)
            }
            plan.sends.append((message.enrolmentID, send))
        }
    }

    /// The group's customers' facts for one step campaign, and the suppressions of their addresses.
    private func recipients(of group: [JourneyMessage], for campaign: Campaign, at now: Date) async throws
        -> (facts: [String: CampaignRecipientFacts], suppressed: [String: [SuppressionReason]])
    {
        let customerIDs = Array(Set(group.map(\.customerID))).sorted()
        let since = CampaignDispatcher.capWindowStart(campaign.definition, now: now)
        return try await store.read { session in
            let facts = try await session.campaigns.recipientFacts(campaign, customerIDs: customerIDs, sentSince: since)
            var suppressed: [String: [SuppressionReason]] = [:]
            let addresses = facts.compactMap(\.address)
            if let channel = campaign.channel.inboxChannel.consentChannel, !addresses.isEmpty {
                suppressed = try await session.suppressions.reasons(channel: channel, addresses: addresses, workspaceID: campaign.workspaceID)
            }
            return (Dictionary(facts.map { ($0.customerID, $0) }, uniquingKeysWith: { first, _ in first }), suppressed)
        }
    }

    static func stepCampaignKey(_ journeyID: String, _ version: Int, _ stepKey: String) -> String {
        "\(journeyID)#\(version)#\(stepKey)"
    }
}
