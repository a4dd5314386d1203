import Foundation

/// Decides, for one member of a campaign's audience, whether they get the message, are held
/// out as the baseline, or are skipped and why. The order is the report's: an excluded member
/// is excluded before anything else is asked; then the address, the suppression list and the
/// consent gate (the same rule every send asks); then the frequency caps (the campaign's, and
/// the customer's own choice of how often); the holdout last, so it is a share of those who
/// could have received it.
public enum CampaignRecipientRule {
    public enum Decision: Sendable, Equatable {
        case send
        case holdOut
        case skip(CampaignSkipReason)
    }

    public static func decide(
        _ facts: CampaignRecipientFacts, channel: CampaignChannel, suppressed: [SuppressionReason], cap: FrequencyCap, holdoutShare: Double,
        campaignID: String, now: Date, purpose: ConsentPurpose? = .marketing
    ) -> Decision {
        if facts.excluded { return .skip(.excluded) }
        if let reason = reasonToWithhold(facts, channel: channel, suppressed: suppressed, now: now, purpose: purpose) { return .skip(reason) }
        // A service message is not counted against how often a customer hears from the store.
        guard purpose != nil else { return .send }
        let chosen = facts.preferences.flatMap { FrequencyCap.chosen(by: $0.frequency) }
        for limit in [cap] + (chosen.map { [$0] } ?? []) where !limit.allows(at: now, given: facts.recentSends) {
            return .skip(.frequencyCap)
        }
        return isHeldOut(customerID: facts.customerID, campaignID: campaignID, share: holdoutShare) ? .holdOut : .send
    }

    /// Why a member may not be sent marketing now, if they may not: no address, a suppressed
    /// address, no consent that holds (the consent gate every send asks), or a pause. Asked when
    /// the audience is resolved, and again just before a claimed batch goes. A service message
    /// (`purpose` nil: a journey's order thank-you) asks only the address and the suppressions
    /// that hold service too.
    public static func reasonToWithhold(
        _ facts: CampaignRecipientFacts, channel: CampaignChannel, suppressed: [SuppressionReason], now: Date,
        purpose: ConsentPurpose? = .marketing
    ) -> CampaignSkipReason? {
        guard facts.address != nil else { return .noAddress }
        let consents = facts.marketingConsent.map { [ConsentState(purpose: $0.purpose, channel: $0.channel, history: [$0])] } ?? []
        switch ConsentGate.decide(
            purpose: purpose, channel: channel.inboxChannel.consentChannel, consents: consents, preferences: facts.preferences, suppressions: suppressed, now: now)
        {
        case .send: return nil
        case .suppressed: return .suppressed
        // Granted, yet not sent: the customer paused messages.
        case .noConsent: return consents.first?.effect(at: now) == .granted ? .paused : .noConsent
        }
    }

    /// A fixed draw per campaign and customer: the same customer lands on the same side however
    /// often the audience is resolved again.
    public static func isHeldOut(customerID: String, campaignID: String, share: Double) -> Bool {
        share > 0 && draw(customerID: customerID, campaignID: campaignID) < share
    }

    /// The draw behind `isHeldOut`, in [0, 1): the first 52 bits of the MD5 of the campaign's
    /// id, a space and the customer's id, over 2⁵². Other draws salt `campaignID`
    /// (`cmp_…/test`). MD5 because PostgreSQL computes it too: the set-based audience
    /// resolution draws in SQL (`rapport_draw` on SQLite calls this), and gets the same answer.
    public static func draw(customerID: String, campaignID: String) -> Double {
        var text = campaignID
        text += " "
        text += customerID
        return Double(MD5.prefix(text.utf8) >> 12) / 4_503_599_627_370_496
    }
}
