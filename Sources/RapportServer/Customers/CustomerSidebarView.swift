/// The customer beside a conversation (`customer_sidebar`): who they are, their identities
/// and tags, what they bought and their latest orders. A deleted customer is only `missing`.
struct CustomerSidebarView: TemplateView {
    struct Identity: TemplateView {
        let kind: String
        let value: String
    }

    /// The customer was deleted: the sidebar says so and the rest is empty.
    var missing = false
    var id: String?
    /// The customer's name as shown everywhere (`WebFormat.customerName`); nil when missing.
    var name: String?
    var identities: [Identity] = []
    var tags: [String] = []
    var hasTags = false
    var summary: CommerceSummaryView?
    /// The latest orders; `moreOrders` when there are older ones.
    var orders: [OrderView] = []
    var moreOrders = false
}
