/// A reward's discount code used by a new order, from any source (Shopify's `discount_codes`,
/// a WooCommerce coupon, the API, the tracking API's `coupon`), is marked used by that order in
/// the order's transaction — once: a second order with the same code, or one placed after the
/// code expired, changes nothing — and announced as `loyalty.reward_used`. Any customer's order
/// may use a code (codes are passed on like any coupon unless the shop limits them); the code
/// records the order. An order recorded before it is paid uses the code all the same: the shop
/// took it at checkout.
struct LoyaltyRewardCheckout: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for case let change as OrderChange in changes where change.kind == .created && !change.order.discountCodes.isEmpty {
            let order = change.order
            for code in Set(order.discountCodes.compactMap(ReferralRules.normalized)) {
                // Valid when the order was placed: a webhook that comes late still counts the code the shop took.
                let placed = min(order.placedAt, transaction.now)
                guard let used = try await transaction.session.loyalty.useRewardCode(code, orderID: order.id, workspaceID: order.workspaceID, at: placed)
                else { continue }
                try await transaction.record(LoyaltyRewardChange(.used, used))
            }
        }
    }
}
