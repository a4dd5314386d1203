import Foundation
import RapportCore

/// The loyalty card of a customer's page: usable and pending points, the tier and how far the
/// next one is, the points expiring next, the latest entries of the ledger, and the forms to spend points and to give or
/// take them by hand for those who may.
struct CustomerLoyaltyView: TemplateView {
    struct Entry: TemplateView {
        let kind: String
        let points: String
        /// Named apart from the card's `pending`, which a nil here would fall through to.
        let entryPending: String?
        let reason: String
        let orderID: String?
        let when: String
        let whenISO: String
    }

    /// A reward of the programme, as the card offers it.
    struct RewardChoice: TemplateView {
        let key: String
        let label: String
        let affordable: Bool
    }

    /// A reward the customer took: its code and where it stands.
    struct CodeRow: TemplateView {
        let code: String
        let name: String
        let status: String
        let expires: String
        let orderID: String?
    }

    static let entriesShown = 10

    let balance: Int64
    let belowZero: Bool
    let pending: Int64
    let tier: String?
    let nextTier: String?
    /// What still reaches the next tier: `120 points` or `120.00 EUR`.
    let toNextTier: String?
    /// The tier is kept by the grace period, the window's points being below it.
    let tierInGrace: Bool
    /// "70 by 2026-12-31" (a year's end: the last day they may be spent) or "70 within the next
    /// 30 days" (expiry after a number of days): the points expiring next unless spent.
    let expiringPoints: Int64?
    let expiringWhen: String?
    let expiringByISO: String?
    let entries: [Entry]
    let moreEntries: Bool
    let mayRedeem: Bool
    let mayAdjust: Bool
    let rewards: [RewardChoice]
    let hasRewards: Bool
    /// Some reward is within the balance: the form's button is enabled.
    let anyAffordable: Bool
    let codes: [CodeRow]
    let hasCodes: Bool
    var error: String?
    var redeemDraft: String?
    var adjustDraft: String?
    var reasonDraft: String?

    init(_ account: LoyaltyAccount, rewards: [LoyaltyReward], codes: [LoyaltyRewardCode], actor: Actor, now: Date) {
        balance = account.balance.balance
        belowZero = account.balance.balance < 0
        pending = account.balance.pending
        tier = account.tier?.name
        nextTier = account.nextTier?.name
        toNextTier = account.toNextTier.map { missing in
            account.tierMeasure == .spend ? MoneyText.format(missing, account.tierCurrency ?? "") : "\(missing) points"
        }
        tierInGrace = account.tierInGrace
        expiringPoints = account.expiring?.points
        expiringWhen = account.expiring.map { forecast in
            forecast.withinDays.map { "within the next \($0) days" } ?? "by \(WebFormat.day(forecast.lastMoment))"
        }
        expiringByISO = account.expiring.map { WebFormat.iso($0.by) }
        entries = account.entries.items.map { entry in
            Entry(
                kind: entry.kind.rawValue, points: Self.signed(entry.points), entryPending: entry.pendingPoints == 0 ? nil : Self.signed(entry.pendingPoints),
                reason: entry.reason, orderID: entry.orderID, when: WebFormat.time(entry.createdAt), whenISO: WebFormat.iso(entry.createdAt))
        }
        moreEntries = account.entries.hasMore
        mayRedeem = actor.may(.redeemPoints)
        mayAdjust = actor.may(.adjustPoints)
        self.rewards = rewards.map { reward in
            RewardChoice(key: reward.key, label: "\(reward.name) for \(reward.points) points", affordable: reward.points <= account.balance.balance)
        }
        hasRewards = !rewards.isEmpty
        anyAffordable = self.rewards.contains(where: \.affordable)
        hasCodes = !codes.isEmpty
        self.codes = codes.map { code in
            CodeRow(code: code.code, name: code.reward.name, status: code.status(at: now).rawValue, expires: WebFormat.time(code.expiresAt), orderID: code.orderID)
        }
    }

    /// `+120`, `-40`, `0`.
    static func signed(_ points: Int64) -> String {
        points > 0 ? "+\(points)" : "\(points)"
    }
}
