import RapportCore

/// A customer's purchases at a glance, inside the 360° view.
struct CommerceSummaryResponse: JSONWritable {
    var summary: CommerceSummary

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("last_order")
        if let last = summary.lastOrder {
            writer.beginObject()
            writer.key("currency"); writer.string(last.currency)
            writer.key("id"); writer.string(last.id)
            writer.key("number"); writer.string(last.number)
            writer.key("placed_at"); writer.timestamp(last.placedAt)
            writer.key("status"); writer.string(last.status.rawValue)
            writer.key("total"); writer.integer(last.total)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("open_returns"); writer.integer(Int64(summary.openReturns))
        writer.key("order_count"); writer.integer(Int64(summary.orderCount))
        writer.key("total_spent")
        writer.beginArray()
        for (currency, amount) in summary.totalSpent.sorted(by: { $0.key < $1.key }) {
            writer.beginObject()
            writer.key("amount"); writer.integer(amount)
            writer.key("currency"); writer.string(currency)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
