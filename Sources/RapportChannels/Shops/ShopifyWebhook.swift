import Foundation
import RapportCore

/// Shopify webhooks (`X-Shopify-Topic`): orders, refunds and customers as Rapport inputs.
/// Field names are Shopify's Admin REST API resources (Order, Refund, Customer).
public enum ShopifyWebhook {
    public static let orderTopics: Set<String> = [
        "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled",
        "orders/partially_fulfilled", "orders/edited",
    ]

    public static func event(topic: String, payload: [String: JSONValue]) -> ShopEvent {
        let json = ShopJSON(payload)
        switch topic {
        case _ where orderTopics.contains(topic): return .order(order(json))
        case "refunds/create":
            guard let orderID = json.text("order_id") else { return .ignored(topic: topic) }
            return .refund(orderExternalID: orderID, refund(json))
        case "customers/create", "customers/update":
            // Before API 2025-01 the consent objects came inside the customer.
            return .customer(customer(json), consents: consents(json, keys: ["email_marketing_consent", "sms_marketing_consent"]))
        case "customers_email_marketing_consent/update":
            var identities: [IdentityInput] = []
            if let id = json.text("customer_id") { identities.append(IdentityInput(.external, value: id, source: "shopify")) }
            if let email = json.text("email_address") { identities.append(IdentityInput(.email, value: email)) }
            return .customer(CustomerInput(identities: identities), consents: consents(json, keys: ["email_marketing_consent"]))
        case "customers_marketing_consent/update":
            var identities: [IdentityInput] = []
            if let id = json.text("id") { identities.append(IdentityInput(.external, value: id, source: "shopify")) }
            if let phone = json.text("phone") { identities.append(IdentityInput(.phone, value: phone)) }
            return .customer(CustomerInput(identities: identities), consents: consents(json, keys: ["sms_marketing_consent"]))
        default: return .ignored(topic: topic)
        }
    }

    static func order(_ json: ShopJSON) -> OrderInput {
        let currency = json.text("currency") ?? "USD"
        var identities: [IdentityInput] = []
        let customer = json.object("customer")
        if let email = json.text("email") ?? customer?.text("email") { identities.append(IdentityInput(.email, value: email)) }
        if let phone = json.text("phone") ?? customer?.text("phone") { identities.append(IdentityInput(.phone, value: phone)) }
        if let id = customer?.text("id") { identities.append(IdentityInput(.external, value: id, source: "shopify")) }
        let lines = json.objects("line_items").map { item in
            OrderLineInput(
                productExternalID: item.text("product_id"), variantExternalID: item.text("variant_id"), sku: item.text("sku"),
                title: item.text("name") ?? item.text("title"), quantity: item.integer("quantity") ?? 1,
                unitPrice: item.money("price", currency: currency) ?? 0,
                discount: item.money("total_discount", currency: currency) ?? 0)
        }
        let shipping = json.objects("shipping_lines").reduce(Int64(0)) { $0 + ($1.money("price", currency: currency) ?? 0) }
        let fulfillments = json.objects("fulfillments").map { item in
            FulfillmentInput(
                carrier: item.text("tracking_company"), trackingNumber: item.text("tracking_number"),
                trackingURL: item.text("tracking_url"), externalID: item.text("id"), shippedAt: item.date("created_at"))
        }
        let address = json.object("shipping_address").map { address in
            Address(
                line1: address.text("address1"), line2: address.text("address2"), city: address.text("city"),
                region: address.text("province"), postalCode: address.text("zip"), country: address.text("country_code"))
        }
        return OrderInput(
            customer: CustomerInput(
                identities: identities, firstName: customer?.text("first_name"), lastName: customer?.text("last_name")),
            number: json.text("order_number") ?? json.text("name") ?? json.text("id") ?? "",
            source: "shopify", externalID: json.text("id"), status: status(json),
            channel: json.text("source_name") == "pos" ? .store : .web, currency: currency, lines: lines,
            subtotal: json.money("subtotal_price", currency: currency), discount: json.money("total_discounts", currency: currency) ?? 0,
            tax: json.money("total_tax", currency: currency) ?? 0, shipping: shipping,
            total: json.money("total_price", currency: currency),
            discountCodes: json.objects("discount_codes").compactMap { $0.text("code") }, shippingAddress: address,
            email: json.text("email"), fulfillments: fulfillments, placedAt: json.date("created_at"),
            sourceUpdatedAt: json.date("updated_at"))
    }

    /// Shopify keeps payment (`financial_status`) and shipping (`fulfillment_status`) apart;
    /// Rapport's one lifecycle takes the furthest step either reached.
    static func status(_ json: ShopJSON) -> OrderStatus {
        if json.text("cancelled_at") != nil { return .cancelled }
        switch json.text("financial_status") {
        case "refunded": return .refunded
        case "partially_refunded": return .partiallyRefunded
        default: break
        }
        if json.text("fulfillment_status") == "fulfilled" { return .fulfilled }
        switch json.text("financial_status") {
        case "paid", "partially_paid": return .paid
        default: return .pending
        }
    }

    static func refund(_ json: ShopJSON) -> RefundInput {
        let currency = json.objects("transactions").first?.text("currency") ?? "USD"
        let transactions = json.objects("transactions").filter { $0.text("kind") == "refund" && $0.text("status") != "failure" }
        var amount: Int64? = transactions.isEmpty ? nil : transactions.reduce(Int64(0)) { $0 + ($1.money("amount", currency: currency) ?? 0) }
        if amount == nil {
            let items = json.objects("refund_line_items")
            if !items.isEmpty {
                amount = items.reduce(Int64(0)) {
                    $0 + ($1.money("subtotal", currency: currency) ?? 0) + ($1.money("total_tax", currency: currency) ?? 0)
                }
            }
        }
        return RefundInput(amount: amount, reason: json.text("note"), source: "shopify", externalID: json.text("id") ?? UUID().uuidString)
    }

    /// Shopify's marketing consent objects (`state`, `opt_in_level`, `consent_updated_at`,
    /// `consent_collected_from`) as consent changes for marketing by e-mail or SMS: `subscribed`
    /// is granted, `unsubscribed` withdrawn, `not_subscribed` denied; `pending` (a confirmation
    /// e-mail not yet answered), `redacted`, `invalid` or none say nothing and are left out. The
    /// wording kept names Shopify's state, opt-in level and where it was collected.
    static func consents(_ json: ShopJSON, keys: [String]) -> [ConsentInput] {
        keys.compactMap { key in
            guard let consent = json.object(key), let state = consent.text("state")?.lowercased() else { return nil }
            let status: String? =
                switch state {
                case "subscribed": "granted"
                case "unsubscribed": "withdrawn"
                case "not_subscribed": "denied"
                default: nil
                }
            guard let status else { return nil }
            let details = [consent.text("opt_in_level"), consent.text("consent_collected_from").map { "collected from \($0.lowercased())" }]
                .compactMap { $0 }
            return ConsentInput(
                purpose: ConsentPurpose.marketing.rawValue, channel: key.hasPrefix("sms") ? ConsentChannel.sms.rawValue : ConsentChannel.email.rawValue,
                status: status, occurredAt: consent.date("consent_updated_at"),
                text: "Shopify \(key): \(state)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
        }
    }

    static func customer(_ json: ShopJSON) -> CustomerInput {
        var identities: [IdentityInput] = []
        if let id = json.text("id") { identities.append(IdentityInput(.external, value: id, source: "shopify")) }
        if let email = json.text("email") { identities.append(IdentityInput(.email, value: email)) }
        if let phone = json.text("phone") { identities.append(IdentityInput(.phone, value: phone)) }
        let tags = (json.text("tags") ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        return CustomerInput(
            identities: identities, firstName: json.text("first_name"), lastName: json.text("last_name"), tags: tags)
    }
}
