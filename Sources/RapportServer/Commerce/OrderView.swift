/// An order as the customer page, the customer sidebar and the orders list show it: number,
/// status, total and day placed, its items, and the parcels that can be tracked.
struct OrderView: TemplateView {
    struct Item: TemplateView {
        let title: String
        let quantity: Int
        let price: String
    }

    /// A parcel with a tracking number or link; `url` only when it is an http(s) link.
    struct Tracking: TemplateView {
        let carrier: String
        let number: String
        let url: String?
    }

    let id: String
    let number: String
    /// The status in words (`partially refunded`); `statusClass` is the raw value for styling.
    let status: String
    let statusClass: String
    let total: String
    let placed: String
    let items: [Item]
    let tracking: [Tracking]
}
