import Foundation
import RapportCore

/// A customer's points on their preference centre: what they hold, what is coming and going,
/// their latest entries, the rewards (those beyond their points shown as such) and their codes.
struct CustomerPointsView: TemplateView {
    struct Reward: TemplateView {
        let key: String
        let name: String
        let label: String
        /// Set when the customer's points do not reach it.
        let short: String?
    }

    struct Line: TemplateView {
        let day: String
        let points: String
        let reason: String
    }

    struct Code: TemplateView {
        let code: String
        let name: String
        let state: String
    }

    let heading: String
    let usable: String
    let pending: String?
    let belowZero: String?
    let tier: String?
    let expiring: String?
    let historyHeading: String
    let history: [Line]
    let hasHistory: Bool
    let rewardsHeading: String
    let rewards: [Reward]
    let hasRewards: Bool
    /// Where a reward's form posts.
    let action: String
    let codesHeading: String
    let codes: [Code]
    let hasCodes: Bool
    /// The code just taken, said once.
    let taken: String?
    /// Why taking a reward was refused.
    var error: String?

    init(_ points: CustomerPoints, words: PointsWording, action: String, takenID: String?, now: Date) {
        let account = points.account
        let balance = account.balance.balance
        heading = words.heading
        usable = PointsWording.fill(words.usable, String(max(0, balance)))
        pending = account.balance.pending > 0 ? PointsWording.fill(words.pending, String(account.balance.pending)) : nil
        belowZero = balance < 0 ? words.belowZero : nil
        let next = account.nextTier.flatMap { next in
            account.toNextTier.map { missing in
                account.tierMeasure == .spend
                    ? PointsWording.fill(words.nextTierSpend, MoneyText.format(missing, account.tierCurrency ?? ""), next.name)
                    : PointsWording.fill(words.nextTier, String(missing), next.name)
            }
        }
        let held = account.tier.map { PointsWording.fill(words.tier, $0.name) }
        let parts = [held, next].compactMap { $0 }
        tier = parts.isEmpty ? nil : parts.joined(separator: " · ")
        expiring = account.expiring.map { forecast in
            forecast.withinDays.map { PointsWording.fill(words.expiringWithin, String(forecast.points), String($0)) }
                ?? PointsWording.fill(words.expiring, String(forecast.points), WebFormat.day(forecast.lastMoment))
        }
        historyHeading = words.historyHeading
        history = account.entries.items.map { entry in
            // An order's points wait for its return window: shown as pending until released.
            let moved = entry.points != 0 ? entry.points : entry.pendingPoints
            let sign = moved > 0 ? "+\(moved)" : String(moved)
            return Line(
                day: WebFormat.day(entry.createdAt), points: entry.points == 0 && moved != 0 ? "\(sign) (\(words.pendingMark))" : sign,
                reason: entry.reason)
        }
        hasHistory = !history.isEmpty
        rewardsHeading = words.rewardsHeading
        rewards = points.rewards.map { reward in
            Reward(
                key: reward.key, name: reward.name, label: PointsWording.fill(words.take, String(reward.points)),
                short: balance >= reward.points ? nil : PointsWording.fill(words.short, String(reward.points), String(reward.points - balance)))
        }
        hasRewards = !rewards.isEmpty
        self.action = action
        codesHeading = words.codesHeading
        codes = points.codes.map { code in
            let state = switch code.status(at: now) {
            case .issued: PointsWording.fill(words.validUntil, WebFormat.day(code.lastWholeDay))
            case .used: words.used
            case .expired: words.expired
            }
            return Code(code: code.code, name: code.reward.name, state: state)
        }
        hasCodes = !codes.isEmpty
        taken = points.codes.first { $0.id == takenID }.map { PointsWording.fill(words.taken, $0.code, WebFormat.day($0.lastWholeDay)) }
    }
}
