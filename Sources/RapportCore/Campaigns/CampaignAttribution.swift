import Foundation

/// Which campaign an order belongs to, by last touch: of every open and click of any
/// campaign's message by the customer before the order, within its window (`CampaignAttributionWindows`),
/// the latest wins, a click over an open at the same instant. An order belongs to at most one
/// campaign, so two campaigns never both claim it. Each campaign's windows are its own.
///
/// Touches are what the send log keeps of each message: the first and the latest open and
/// click, not every one. An order placed between a message's first and latest click is
/// weighed against the first, since the clicks in between are not kept: when the first is
/// outside the window the order goes to no campaign, or to another campaign's touch, although
/// a click in between would have won it. A touch after the order never wins it.
public enum CampaignAttribution {
    /// The orders of `orders` that belong to `campaignID`, each with the touch that won it.
    public static func attributed(
        orders: [CampaignOrderFact], touches: [CampaignTouch], campaignID: String, windows: [String: CampaignAttributionWindows]
    ) -> [(order: CampaignOrderFact, touch: CampaignTouch)] {
        winners(orders: orders, touches: touches, windows: windows).filter { $0.touch.campaignID == campaignID }
    }

    /// The orders of `orders` that belong to some campaign, each with the touch that won it.
    public static func winners(
        orders: [CampaignOrderFact], touches: [CampaignTouch], windows: [String: CampaignAttributionWindows]
    ) -> [(order: CampaignOrderFact, touch: CampaignTouch)] {
        let byCustomer = Dictionary(grouping: touches, by: \.customerID)
        return orders.compactMap { order in
            guard let touch = winner(for: order, among: byCustomer[order.customerID] ?? [], windows: windows) else { return nil }
            return (order, touch)
        }
    }

    /// The touch an order belongs to, if any falls within its window before the order.
    public static func winner(for order: CampaignOrderFact, among touches: [CampaignTouch], windows: [String: CampaignAttributionWindows])
        -> CampaignTouch?
    {
        var best: CampaignTouch?
        for touch in touches where touch.at <= order.placedAt {
            let window = (windows[touch.campaignID] ?? .standard).seconds(after: touch.kind)
            guard order.placedAt.timeIntervalSince(touch.at) < window else { continue }
            if let current = best, current.at > touch.at || (current.at == touch.at && (current.kind == .click || touch.kind == .open)) { continue }
            best = touch
        }
        return best
    }
}
