import Foundation

/// What an order's points should be now, as ledger entries to add. One cumulative rule over
/// the order's state rather than one per refund record: shops report some refunds only as a
/// status or a cancellation, and webhooks arrive out of order and more than once. Run on every
/// change of the order, in any order and any number of times, it converges on the same
/// entries, each with an origin naming the cumulative figure it brings the order to.
///
/// - Earning: the programme's points for the order (`LoyaltyProgram.earning`, with the order's
///   `lines` and the customer's `tier` for the multipliers), once, pending until usable (at once when
///   already usable). Not for an order that is already cancelled or wholly refunded, nor when
///   `earns` (default: `LoyaltyProgram.earns`) says the order earns nothing.
/// - Taking back: everything when the order is cancelled or wholly refunded (before or after
///   the points became usable), else the refunded share, rounded down
///   (`earned × refunded ÷ total`); taken from the points still pending first. Points already
///   spent are taken back all the same: the balance may go below zero, and a customer below
///   zero redeems nothing until earning it back.
/// - Releasing: once the order is usable (`LoyaltyProgram.usableAt`), what is still pending.
public enum LoyaltyOrderRule {
    public static func entries(
        for order: LoyaltyOrder, program: LoyaltyProgram, standing: LoyaltyOrderStanding, at now: Date, earns: Bool? = nil,
        lines: [LoyaltyOrderLine] = [], tier: LoyaltyTier? = nil, makeID: () -> String
    ) -> [LoyaltyEntry] {
        var standing = standing
        var entries: [LoyaltyEntry] = []
        func add(_ kind: LoyaltyEntryKind, points: Int64, pending: Int64, reason: String, origin: String) {
            let entry = LoyaltyEntry(
                id: makeID(), workspaceID: order.workspaceID, customerID: order.customerID, kind: kind, points: points, pendingPoints: pending,
                reason: reason, orderID: order.id, origin: "order:\(order.id):\(origin)", createdAt: now)
            standing.count(entry)
            entries.append(entry)
        }
        let totals = order.totals
        let whollyLost = order.isWhollyLost
        let usableAt = program.usableAt(order)
        let usable = usableAt.map { $0 <= now } ?? false

        if !whollyLost, earns ?? program.earns(order) {
            // Once: a later change of the programme's rates or of the order's total does not
            // re-price points already earned.
            let earning = program.earning(for: order, lines: lines, tier: tier)
            let target = earning.points
            if target > 0, standing.earned == 0 {
                let more = target
                let raised = earning.raisedBy.map { ", \($0)" }.joined()
                add(
                    .earn, points: usable ? more : 0, pending: usable ? 0 : more,
                    reason: "Order \(order.number): \(MoneyText.format(program.earningBase.amount(of: totals), order.currency))\(raised)",
                    origin: "earned:\(target)")
            }
        }

        let reversedTarget = whollyLost ? standing.earned : share(of: standing.earned, refunded: totals.refunded, total: totals.total)
        if reversedTarget > standing.reversed {
            let more = reversedTarget - standing.reversed
            let fromPending = min(more, max(standing.pending, 0))
            let reason = switch order.status {
            case .cancelled: "Order \(order.number) cancelled"
            case _ where whollyLost: "Order \(order.number) refunded"
            default: "Order \(order.number): \(MoneyText.format(totals.refunded, order.currency)) of \(MoneyText.format(totals.total, order.currency)) refunded"
            }
            add(.reverse, points: -(more - fromPending), pending: -fromPending, reason: reason, origin: "reversed:\(reversedTarget)")
        }

        if usable, standing.pending > 0 {
            let points = standing.pending
            add(
                .release, points: points, pending: -points, reason: "Order \(order.number): the returns window has passed",
                origin: "usable:\(standing.madeUsable + points)")
        }
        return entries
    }

    /// `earned × refunded ÷ total`, rounded down, without overflowing.
    static func share(of earned: Int64, refunded: Int64, total: Int64) -> Int64 {
        guard total > 0, refunded > 0, earned > 0 else { return 0 }
        let (quotient, _) = total.dividingFullWidth(earned.multipliedFullWidth(by: min(refunded, total)))
        return quotient
    }

    /// The order's pending points after `entries`, as a hold (its points 0 once nothing waits).
    public static func hold(for order: LoyaltyOrder, program: LoyaltyProgram, standing: LoyaltyOrderStanding, entries: [LoyaltyEntry]) -> LoyaltyHold {
        var after = standing
        for entry in entries { after.count(entry) }
        return LoyaltyHold(
            orderID: order.id, workspaceID: order.workspaceID, customerID: order.customerID, points: max(after.pending, 0),
            usableAt: program.usableAt(order))
    }
}
