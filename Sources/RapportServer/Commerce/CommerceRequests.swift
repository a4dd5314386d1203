import Foundation
import RapportCore

/// Reads the commerce endpoints' request bodies into Core's inputs. Types and enumerations
/// are checked here; the rules (lengths, amounts, currencies, lifecycles) by Core.
enum CommerceRequests {
    static let amountRange: ClosedRange<Int64> = -1_000_000_000_000_000...1_000_000_000_000_000

    static func order(_ body: inout JSONObjectReader) throws -> OrderInput {
        var lines: [OrderLineInput] = []
        for (index, item) in (body.array("lines") ?? []).enumerated() {
            if let line = body.nested(item, at: "lines[\(index)]", line) { lines.append(line) }
        }
        var fulfillments: [FulfillmentInput] = []
        for (index, item) in (body.array("fulfillments") ?? []).enumerated() {
            if let fulfillment = body.nested(item, at: "fulfillments[\(index)]", fulfillment) { fulfillments.append(fulfillment) }
        }
        let customer = body.any("customer").flatMap { value in
            value == .null ? nil : body.nested(value, at: "customer", CustomerRequests.customer)
        }
        let status = enumeration(&body, "status", OrderStatus.self)
        let channel = enumeration(&body, "channel", OrderChannel.self)
        let address = body.any("shipping_address").flatMap { value in
            value == .null ? nil : body.nested(value, at: "shipping_address", CustomerRequests.address)
        }
        let input = OrderInput(
            customerID: body.string("customer_id", maxLength: 64), customer: customer,
            number: body.requiredString("number", maxLength: 64) ?? "", source: body.string("source", maxLength: 64) ?? "api",
            externalID: body.string("external_id", maxLength: 200), status: status, channel: channel ?? .web,
            currency: body.requiredString("currency", maxLength: 3) ?? "", lines: lines,
            subtotal: body.integer("subtotal", in: amountRange), discount: body.integer("discount", in: amountRange) ?? 0,
            tax: body.integer("tax", in: amountRange) ?? 0, shipping: body.integer("shipping", in: amountRange) ?? 0,
            total: body.integer("total", in: amountRange), discountCodes: body.stringArray("discount_codes") ?? [],
            shippingAddress: address, email: body.string("email", maxLength: 320), fulfillments: fulfillments,
            placedAt: body.date("placed_at"))
        try body.finish()
        return input
    }

    static func line(_ reader: inout JSONObjectReader) -> OrderLineInput {
        OrderLineInput(
            variantID: reader.string("variant_id", maxLength: 64),
            productExternalID: reader.string("product_external_id", maxLength: 200),
            variantExternalID: reader.string("variant_external_id", maxLength: 200), sku: reader.string("sku", maxLength: 200),
            title: reader.string("title", maxLength: 500),
            quantity: Int(reader.integer("quantity", in: -1_000_000_000...1_000_000_000) ?? 1),
            unitPrice: reader.integer("unit_price", in: amountRange) ?? { reader.fail("unit_price", "is required"); return 0 }(),
            discount: reader.integer("discount", in: amountRange) ?? 0)
    }

    static func fulfillment(_ reader: inout JSONObjectReader) -> FulfillmentInput {
        FulfillmentInput(
            carrier: reader.string("carrier", maxLength: 100), trackingNumber: reader.string("tracking_number", maxLength: 200),
            trackingURL: reader.string("tracking_url", maxLength: 2000), externalID: reader.string("external_id", maxLength: 200),
            shippedAt: reader.date("shipped_at"), deliveredAt: reader.date("delivered_at"))
    }

    static func product(_ body: inout JSONObjectReader) throws -> ProductInput {
        var variants: [ProductVariantInput] = []
        for (index, item) in (body.array("variants") ?? []).enumerated() {
            if let variant = body.nested(item, at: "variants[\(index)]", variant) { variants.append(variant) }
        }
        // A product with one price may give it on the product itself.
        let price = body.integer("price", in: amountRange)
        let currency = body.string("currency", maxLength: 3)
        let sku = body.string("sku", maxLength: 200)
        if let price, variants.isEmpty {
            if currency == nil { body.fail("currency", "is required with price") }
            variants = [ProductVariantInput(sku: sku, price: price, currency: currency ?? "")]
        }
        let input = ProductInput(
            source: body.string("source", maxLength: 64) ?? "api", externalID: body.string("external_id", maxLength: 200),
            title: body.requiredString("title", maxLength: 500) ?? "", description: body.string("description", maxLength: 20_000),
            categories: body.stringArray("categories") ?? [], imageURL: body.string("image_url", maxLength: 2000),
            active: body.bool("active") ?? true, variants: variants)
        try body.finish()
        return input
    }

    static func variant(_ reader: inout JSONObjectReader) -> ProductVariantInput {
        ProductVariantInput(
            externalID: reader.string("external_id", maxLength: 200), sku: reader.string("sku", maxLength: 200),
            title: reader.string("title", maxLength: 500),
            price: reader.integer("price", in: amountRange) ?? { reader.fail("price", "is required"); return 0 }(),
            currency: reader.requiredString("currency", maxLength: 3) ?? "")
    }

    static func returnRequest(_ body: inout JSONObjectReader) throws -> ReturnInput {
        var items: [ReturnItem] = []
        for (index, item) in (body.array("items") ?? []).enumerated() {
            let parsed = body.nested(item, at: "items[\(index)]") { reader in
                ReturnItem(
                    lineID: reader.requiredString("line_id", maxLength: 64) ?? "",
                    quantity: Int(reader.integer("quantity", in: -1_000_000...1_000_000) ?? 1))
            }
            if let parsed { items.append(parsed) }
        }
        let input = ReturnInput(
            orderID: body.requiredString("order_id", maxLength: 64) ?? "", items: items,
            reason: body.requiredString("reason", maxLength: 2000) ?? "")
        if body.any("items") == nil { body.fail("items", "is required") }
        try body.finish()
        return input
    }

    /// An enumerated string field; an unknown value names the allowed ones.
    static func enumeration<T: RawRepresentable & CaseIterable>(
        _ body: inout JSONObjectReader, _ key: String, _ type: T.Type
    ) -> T? where T.RawValue == String {
        guard let text = body.string(key, maxLength: 64) else { return nil }
        guard let value = T(rawValue: text) else {
            body.fail(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}
