import RapportCore

/// The segments `rapport bench segments` defines, as a marketer would: every kind of
/// condition (profile, commerce windows, products bought, behaviour with property filters,
/// service, scores, other segments), fixed and relative dates, nested groups.
enum SegmentsBenchDefinitions {
    /// Everyone's one `Session Started` lapses out of this at the same moment: the cliff.
    static let active = (name: "Active in the last 30 days",
                         json: #"{"field": "events.count", "event": "Session Started", "op": ">=", "value": 1, "within_days": 30}"#)

    /// Profile + commerce window + behaviour window + insights + NOT an open conversation.
    static let fiveConditions = #"""
        {"all": [
          {"field": "country", "op": "=", "value": "ID"},
          {"field": "orders.count", "op": ">=", "value": 2, "within_days": 365},
          {"field": "events.count", "event": "Product Viewed", "where": {"category": "socks"}, "op": ">=", "value": 1, "within_days": 7},
          {"field": "rfm.recency_score", "op": ">=", "value": 3},
          {"not": {"field": "conversations.open", "op": "=", "value": true}}
        ]}
        """#

    /// `count` definitions besides `active`; `{first}` stands for the first segment's id.
    static func others(_ count: Int) -> [(name: String, json: String)] {
        var made: [(name: String, json: String)] = []
        for (city, _) in SegmentsBenchStore.cities {
            made.append(("Lives in \(city)", #"{"field": "city", "op": "=", "value": "\#(city)"}"#))
        }
        made.append(("VIP", #"{"field": "tags", "op": "contains", "value": "vip"}"#))
        made.append(("Newsletter", #"{"field": "tags", "op": "contains", "value": "newsletter"}"#))
        for (orders, days) in [(1, 30), (2, 90), (3, 365), (5, 730), (1, 7), (2, 180)] {
            made.append(("\(orders)+ orders in \(days) days", #"{"field": "orders.count", "op": ">=", "value": \#(orders), "within_days": \#(days)}"#))
        }
        for spent in [100, 250, 500] {
            made.append(("Spent \(spent)+", #"{"field": "orders.total_spent", "op": ">=", "value": \#(spent)}"#))
        }
        for sku in [3, 17, 42, 99, 150] {
            made.append(("Bought SKU-\(sku) in 180 days",
                         #"{"field": "orders.bought", "sku": "SKU-\#(sku)", "op": ">=", "value": 1, "within_days": 180}"#))
        }
        for (index, category) in SegmentsBenchStore.categories.enumerated() {
            let days = index % 2 == 0 ? 7 : 14
            made.append(("Viewed \(category) twice in \(days) days",
                         #"{"field": "events.count", "event": "Product Viewed", "where": {"category": "\#(category)"}, "op": ">=", "value": 2, "within_days": \#(days)}"#))
        }
        for segment in ["champions", "at_risk", "hibernating"] {
            made.append(("RFM \(segment)", #"{"field": "rfm.segment", "op": "=", "value": "\#(segment)"}"#))
        }
        made.append(("Likely lapsed", #"{"field": "clv.probability_alive", "op": "<", "value": 0.3}"#))
        made.append(("High value", #"{"field": "clv.lifetime_value", "op": ">=", "value": 300}"#))
        made.append(("Open conversation", #"{"field": "conversations.open", "op": "=", "value": true}"#))
        made.append(("No order for 90 days", #"{"field": "orders.last_placed_at", "op": "more_than_days_ago", "value": 90}"#))
        made.append(("Seen this fortnight", #"{"field": "events.last_seen_at", "op": "within_last_days", "value": 14}"#))
        made.append(("Cart but no order this week", #"""
            {"all": [{"field": "events.count", "event": "Product Added", "op": ">=", "value": 1, "within_days": 7},
                     {"field": "orders.count", "op": "=", "value": 0, "within_days": 7}]}
            """#))
        made.append(("Active VIPs", #"{"all": [{"field": "segments", "op": "contains", "value": "{first}"}, {"field": "tags", "op": "contains", "value": "vip"}]}"#))
        made.append(("Inactive, Indonesia", #"{"all": [{"field": "segments", "op": "not_contains", "value": "{first}"}, {"field": "country", "op": "=", "value": "ID"}]}"#))
        made.append(("Germany or France, web", #"""
            {"all": [{"any": [{"field": "country", "op": "=", "value": "DE"}, {"field": "country", "op": "=", "value": "FR"}]},
                     {"field": "orders.count", "op": ">=", "value": 1, "channel": "web"}]}
            """#))
        made.append(("Not Japanese speakers", #"{"not": {"field": "locale", "op": "starts_with", "value": "ja"}}"#))
        made.append(("Has e-mail, no order", #"{"all": [{"field": "identities", "op": "contains", "value": "email"}, {"field": "orders.count", "op": "=", "value": 0}]}"#))
        made.append(("Big baskets", #"{"field": "orders.average_value", "op": ">=", "value": 60}"#))
        var index = 0
        while made.count < count {
            index += 1
            made.append(("Viewed anything \(index + 2)+ times in 30 days",
                         #"{"field": "events.count", "event": "Product Viewed", "op": ">=", "value": \#(index + 2), "within_days": 30}"#))
        }
        return Array(made.prefix(count))
    }
}
