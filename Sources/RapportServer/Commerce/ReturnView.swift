import RapportCore

/// A return as the order and customer pages list it: its status in words, why, how many items
/// are coming back, the refund and the day it was opened.
struct ReturnView: TemplateView {
    let status: String
    let reason: String
    let items: Int
    let refund: String?
    let when: String

    init(_ orderReturn: OrderReturn) {
        status = orderReturn.status.rawValue.replacingOccurrences(of: "_", with: " ")
        reason = orderReturn.reason
        items = orderReturn.items.reduce(0) { $0 + $1.quantity }
        refund = orderReturn.refundAmount.map { WebFormat.money($0, orderReturn.currency) }
        when = WebFormat.day(orderReturn.createdAt)
    }
}
