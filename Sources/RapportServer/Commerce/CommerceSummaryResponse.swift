import Foundation
import RapportCore

/// A customer's purchases at a glance, inside the 360° view.
struct CommerceSummaryResponse: Encodable {
    struct LastOrder: Encodable {
        let currency: String
        let id: String
        let number: String
        let placedAt: Date
        let status: OrderStatus
        let total: Int64
    }

    struct Spent: Encodable {
        let amount: Int64
        let currency: String
    }

    let lastOrder: LastOrder?
    let openReturns: Int
    let orderCount: Int
    let totalSpent: [Spent]

    init(summary: CommerceSummary) {
        lastOrder = summary.lastOrder.map {
            LastOrder(currency: $0.currency, id: $0.id, number: $0.number, placedAt: $0.placedAt, status: $0.status, total: $0.total)
        }
        openReturns = summary.openReturns
        orderCount = summary.orderCount
        totalSpent = summary.totalSpent.sorted { $0.key < $1.key }.map { Spent(amount: $0.value, currency: $0.key) }
    }
}
