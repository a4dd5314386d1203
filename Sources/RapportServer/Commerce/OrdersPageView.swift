/// The order list (`orders`): the status filter, one row per order with its customer, and the
/// link to the next page.
struct OrdersPageView: TemplateView {
    /// A status to filter by: its raw value, in words, and whether it is the current filter.
    struct Status: TemplateView {
        let value: String
        let words: String
        let selected: Bool
    }

    /// An order (`OrderView`'s fields the list shows) and whose it is.
    struct Row: TemplateView {
        let id: String
        let number: String
        let customer: String
        let customerID: String
        let status: String
        let statusClass: String
        let items: [OrderView.Item]
        let total: String
        let placed: String

        init(_ order: OrderView, customer: String, customerID: String) {
            id = order.id
            number = order.number
            self.customer = customer
            self.customerID = customerID
            status = order.status
            statusClass = order.statusClass
            items = order.items
            total = order.total
            placed = order.placed
        }
    }

    let rows: [Row]
    let statuses: [Status]
    let empty: Bool
    let next: String?
}
