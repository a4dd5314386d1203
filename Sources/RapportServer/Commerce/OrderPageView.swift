/// An order's page (`order`): whose it is and where it came from, items and totals, discount
/// codes, the shipping address, tracking and returns.
struct OrderPageView: TemplateView {
    /// Money amounts as text; `discount` and `refunded` only when not zero.
    struct Totals: TemplateView {
        let subtotal: String
        let discount: String?
        let shipping: String
        let tax: String
        let total: String
        let refunded: String?
    }

    let number: String
    let status: String
    let statusClass: String
    let placed: String
    let customer: String
    let customerID: String
    /// The shop and the order's id there (`shopify 5551234`).
    let source: String
    let items: [OrderView.Item]
    let totals: Totals
    /// `SPRING, VIP10`; nil when none was used.
    let discountCodes: String?
    let address: String?
    let tracking: [OrderView.Tracking]
    let returns: [ReturnView]
}
