/// What a customer bought, in one line of the customer's profile and sidebar: how many
/// orders, the money spent per currency (`120.00 EUR + 15.00 USD`) and the returns still open.
struct CommerceSummaryView: TemplateView {
    let orders: Int
    let spent: String
    /// Nil when no return is open.
    let openReturns: Int?
}
