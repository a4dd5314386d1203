import Foundation
import RapportCore

/// WooCommerce webhooks (`X-WC-Webhook-Topic`): orders and customers as Rapport inputs.
/// Field names are WooCommerce REST API v3's order and customer resources.
public enum WooCommerceWebhook {
    public static func event(topic: String, payload: [String: JSONValue]) -> ShopEvent {
        let json = ShopJSON(payload)
        switch topic {
        case "order.created", "order.updated", "order.restored": return .order(order(json))
        case "customer.created", "customer.updated": return .customer(customer(json))
        default: return .ignored(topic: topic)
        }
    }

    static func order(_ json: ShopJSON) -> OrderInput {
        let currency = json.text("currency") ?? "USD"
        let billing = json.object("billing")
        var identities: [IdentityInput] = []
        if let email = billing?.text("email") { identities.append(IdentityInput(.email, value: email)) }
        if let phone = billing?.text("phone") { identities.append(IdentityInput(.phone, value: phone)) }
        if let id = json.text("customer_id"), id != "0" {
            identities.append(IdentityInput(.external, value: id, source: "woocommerce"))
        }
        let lines = json.objects("line_items").map { item in
            let quantity = max(1, item.integer("quantity") ?? 1)
            let subtotal = item.money("subtotal", currency: currency) ?? 0
            let total = item.money("total", currency: currency) ?? subtotal
            let variation = item.text("variation_id").flatMap { $0 == "0" ? nil : $0 }
            return OrderLineInput(
                productExternalID: item.text("product_id"), variantExternalID: variation, sku: item.text("sku"),
                title: item.text("name"), quantity: quantity, unitPrice: subtotal / Int64(quantity),
                discount: max(0, subtotal / Int64(quantity) * Int64(quantity) - total))
        }
        let shipping = json.object("shipping")
        let address = shipping.map { address in
            Address(
                line1: address.text("address_1"), line2: address.text("address_2"), city: address.text("city"),
                region: address.text("state"), postalCode: address.text("postcode"), country: address.text("country"))
        }
        return OrderInput(
            customer: CustomerInput(identities: identities, firstName: billing?.text("first_name"), lastName: billing?.text("last_name")),
            number: json.text("number") ?? json.text("id") ?? "", source: "woocommerce", externalID: json.text("id"),
            status: status(json.text("status")), channel: .web, currency: currency, lines: lines,
            discount: json.money("discount_total", currency: currency) ?? 0, tax: json.money("total_tax", currency: currency) ?? 0,
            shipping: json.money("shipping_total", currency: currency) ?? 0, total: json.money("total", currency: currency),
            discountCodes: json.objects("coupon_lines").compactMap { $0.text("code") },
            shippingAddress: address?.line1 == nil ? nil : address, email: billing?.text("email"),
            placedAt: json.date("date_created_gmt") ?? json.date("date_created"),
            sourceUpdatedAt: json.date("date_modified_gmt") ?? json.date("date_modified"))
    }

    /// WooCommerce's statuses: `processing` is paid and waiting to ship, `completed` shipped.
    static func status(_ status: String?) -> OrderStatus {
        switch status {
        case "processing": .paid
        case "completed": .fulfilled
        case "cancelled", "failed": .cancelled
        case "refunded": .refunded
        default: .pending
        }
    }

    static func customer(_ json: ShopJSON) -> CustomerInput {
        var identities: [IdentityInput] = []
        if let id = json.text("id") { identities.append(IdentityInput(.external, value: id, source: "woocommerce")) }
        if let email = json.text("email") { identities.append(IdentityInput(.email, value: email)) }
        if let phone = json.object("billing")?.text("phone") { identities.append(IdentityInput(.phone, value: phone)) }
        return CustomerInput(identities: identities, firstName: json.text("first_name"), lastName: json.text("last_name"))
    }
}
