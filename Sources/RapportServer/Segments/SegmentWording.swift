import Foundation
import RapportCore

/// How the workspace names segment fields, operators and values to people: the builder's
/// choices and a saved definition's summary use the same words.
enum SegmentWording {
    static func field(_ field: SegmentField) -> String {
        switch field {
        case .firstName: "First name"
        case .lastName: "Last name"
        case .locale: "Locale"
        case .timezone: "Time zone"
        case .country: "Country (any address)"
        case .city: "City (any address)"
        case .tags: "Tags"
        case .createdAt: "Became a customer"
        case .identities: "Identities present"
        case .attribute(let key): key.isEmpty ? "Custom attribute" : "Attribute \(key)"
        case .consent: "Consent holds"
        case .orderCount: "Number of orders"
        case .totalSpent: "Total spent"
        case .averageOrderValue: "Average order value"
        case .refundedAmount: "Refunded"
        case .firstOrderAt: "First order"
        case .lastOrderAt: "Last order"
        case .bought: "Orders with a product"
        case .openReturn: "Has an open return"
        case .eventCount: "Number of tracked events"
        case .firstSeenAt: "First tracked event"
        case .lastSeenAt: "Last tracked event"
        case .openConversation: "Has an open conversation"
        case .lastContactAt: "Last contact"
        case .lastContactChannel: "Last contact channel"
        case .rfmSegment: "RFM segment"
        case .recencyScore: "RFM recency score"
        case .frequencyScore: "RFM frequency score"
        case .monetaryScore: "RFM monetary score"
        case .lifetimeValue: "Lifetime value"
        case .probabilityAlive: "Probability still a customer"
        case .expectedPurchases: "Expected purchases"
        case .segments: "Segments and lists"
        }
    }

    /// The heading a field is listed under in the builder.
    static func group(_ facet: SegmentFacet) -> String {
        switch facet {
        case .profile, .identities: "Profile"
        case .consent: "Consent"
        case .orders, .returns: "Orders"
        case .events: "Behaviour"
        case .conversations: "Service"
        case .insights: "Insights"
        case .segments: "Other segments"
        }
    }

    /// The operator in words; what it reads for a field that holds `type` (nil: a custom attribute).
    static func op(_ op: SegmentOperator, type: SegmentValueType?) -> String {
        switch op {
        case .equal: "is"
        case .notEqual: "is not"
        case .greater: "more than"
        case .greaterOrEqual: "at least"
        case .less: "less than"
        case .lessOrEqual: "at most"
        case .contains:
            switch type {
            case .membership?: "member of"
            case .tags?: "include"
            default: "contains"
            }
        case .notContains:
            switch type {
            case .membership?: "not a member of"
            case .tags?: "do not include"
            default: "does not contain"
            }
        case .startsWith: "starts with"
        case .oneOf: "is one of"
        case .noneOf: "is none of"
        case .before: "before"
        case .after: "at or after"
        case .withinLastDays: "in the last … days"
        case .moreThanDaysAgo: "more than … days ago"
        case .anniversaryWithinDays: "anniversary within … days"
        case .isSet: "is known"
        case .isNotSet: "is not known"
        }
    }

    static func kind(_ kind: SegmentKind) -> String {
        switch kind {
        case .dynamic: "Segment"
        case .list: "List"
        }
    }

    /// What `orders.bought` matches lines by.
    static func product(_ match: ProductMatch) -> String {
        switch match {
        case .product: "product"
        case .variant: "variant"
        case .sku: "SKU"
        case .category: "category"
        }
    }

    /// A number as typed: whole ones without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A date of a condition: the day alone at midnight UTC, as it was given; `30 days ago` when it moves.
    static func date(_ date: SegmentDate) -> String {
        switch date {
        case .fixed(let moment):
            moment.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0 ? WebFormat.day(moment) : WebFormat.time(moment)
        case .daysAgo(let days): days == 1 ? "1 day ago" : "\(days) days ago"
        }
    }
}
