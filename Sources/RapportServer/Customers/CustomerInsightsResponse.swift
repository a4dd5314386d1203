import RapportCore

/// The 360° view's `insights`: `rfm` (scores and segment) and `lifetime_value` (the forecast),
/// each null until computed.
struct CustomerInsightsResponse: JSONWritable {
    var rfm: CustomerRFM?
    var lifetimeValue: CustomerLifetimeValue?

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("lifetime_value")
        if let value = lifetimeValue {
            writer.beginObject()
            writer.key("computed_at"); writer.timestamp(value.computedAt)
            writer.key("currency"); writer.string(value.currency)
            writer.key("expected_order_value"); writer.number(value.forecast.expectedOrderValue)
            writer.key("expected_purchases"); writer.number(value.forecast.expectedPurchases)
            writer.key("probability_alive"); writer.number(value.forecast.probabilityAlive)
            writer.key("value"); writer.number(value.forecast.lifetimeValue)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("rfm")
        if let rfm {
            writer.beginObject()
            writer.key("frequency_score"); writer.integer(Int64(rfm.frequencyScore))
            writer.key("monetary_score"); writer.integer(Int64(rfm.monetaryScore))
            writer.key("recency_score"); writer.integer(Int64(rfm.recencyScore))
            writer.key("segment"); writer.string(rfm.segment.rawValue)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }
}
