/// Segment's e-commerce spec (v2) events as commerce data. Prices there are decimal numbers
/// in major units; Rapport keeps minor units.
enum EcommerceMapping {
    static let orderCompleted = "Order Completed"
    static let orderRefunded = "Order Refunded"
    /// Events about one product, kept with the product they name.
    static let productEvents: Set<String> = [
        "Product Viewed", "Product Added", "Product Removed", "Product Clicked", "Product Added to Wishlist",
        "Product Reviewed", "Product Shared", "AR Viewed", "3D Viewed",
    ]

    /// The product an event names, for the behaviour index.
    static func productRef(_ message: TrackingMessage) -> String? {
        guard message.type == .track, let event = message.event, productEvents.contains(event) else { return nil }
        return scalarText(message.properties["product_id"]) ?? scalarText(message.properties["sku"])
    }

    /// The order an `Order Completed` call describes, or nil when it has no `order_id`.
    static func order(_ message: TrackingMessage, customer: CustomerInput, source: String) -> OrderInput? {
        let properties = message.properties
        guard let orderID = scalarText(properties["order_id"]) else { return nil }
        let currency = Currency.normalized(scalarText(properties["currency"]) ?? "USD") ?? "USD"
        func money(_ key: String) -> Int64? {
            guard case .number(let value)? = properties[key] else {
                if case .string(let text)? = properties[key] { return Currency.minorUnits(fromDecimal: text, currency: currency) }
                return nil
            }
            return Currency.minorUnits(fromMajor: value, currency: currency)
        }
        var lines: [OrderLineInput] = []
        if case .array(let products)? = properties["products"] {
            for case .object(let product) in products {
                let quantity: Int
                if case .number(let count)? = product["quantity"], count >= 1, count <= 100_000 {
                    quantity = Int(count)
                } else {
                    quantity = 1
                }
                var price: Int64 = 0
                if case .number(let value)? = product["price"] { price = Currency.minorUnits(fromMajor: value, currency: currency) ?? 0 }
                lines.append(OrderLineInput(
                    productExternalID: scalarText(product["product_id"]), sku: scalarText(product["sku"]),
                    title: scalarText(product["name"]), quantity: quantity, unitPrice: max(0, price)))
            }
        }
        let coupon = scalarText(properties["coupon"])
        let total = money("total") ?? money("revenue")
        return OrderInput(
            customer: customer, number: orderID, source: source, externalID: orderID, status: .paid, channel: .web,
            currency: currency, lines: lines, subtotal: money("subtotal"), discount: max(0, money("discount") ?? 0),
            tax: max(0, money("tax") ?? 0), shipping: max(0, money("shipping") ?? 0), total: total.map { max(0, $0) },
            discountCodes: coupon.map { [$0] } ?? [], placedAt: message.timestamp)
    }

    /// The refund an `Order Refunded` call reports: its order's id and the amount (nil: all).
    static func refund(_ message: TrackingMessage, source: String, messageID: String) -> (orderID: String, refund: RefundInput)? {
        guard let orderID = scalarText(message.properties["order_id"]) else { return nil }
        let currency = Currency.normalized(scalarText(message.properties["currency"]) ?? "USD") ?? "USD"
        var amount: Int64?
        for key in ["total", "revenue", "value"] {
            if case .number(let value)? = message.properties[key] {
                amount = Currency.minorUnits(fromMajor: value, currency: currency)
                break
            }
        }
        return (orderID, RefundInput(amount: amount, reason: "Order Refunded event", source: source, externalID: messageID))
    }

    /// A string or number property as text, at most 200 characters (ids arrive as either).
    static func scalarText(_ value: JSONValue?) -> String? {
        guard let text = value?.scalarText, text.count <= 200 else { return nil }
        return text
    }
}
