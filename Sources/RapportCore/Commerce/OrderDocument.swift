/// The JSON form of orders, returns and products, written directly: the API's responses and
/// the event log's payloads are the same document.
public enum OrderDocument {
    public static func json(_ order: Order) -> String {
        var writer = JSONWriter()
        write(order, to: &writer)
        return writer.text
    }

    public static func write(_ order: Order, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("cancelled_at"); writer.timestamp(order.cancelledAt)
        writer.key("channel"); writer.string(order.channel.rawValue)
        writer.key("created_at"); writer.timestamp(order.createdAt)
        writer.key("currency"); writer.string(order.currency)
        writer.key("customer_id"); writer.string(order.customerID)
        writer.key("delivered_at"); writer.timestamp(order.deliveredAt)
        writer.key("discount_codes"); writer.strings(order.discountCodes)
        writer.key("email"); writer.string(order.email)
        writer.key("external_id"); writer.string(order.externalID)
        writer.key("fulfilled_at"); writer.timestamp(order.fulfilledAt)
        writer.key("fulfillments")
        writer.beginArray()
        for fulfillment in order.fulfillments { write(fulfillment, to: &writer) }
        writer.endArray()
        writer.key("id"); writer.string(order.id)
        writer.key("lines")
        writer.beginArray()
        for line in order.lines {
            writer.beginObject()
            writer.key("discount"); writer.integer(line.discount)
            writer.key("id"); writer.string(line.id)
            writer.key("product_id"); writer.string(line.productID)
            writer.key("quantity"); writer.integer(Int64(line.quantity))
            writer.key("sku"); writer.string(line.sku)
            writer.key("title"); writer.string(line.title)
            writer.key("total"); writer.integer(line.total)
            writer.key("unit_price"); writer.integer(line.unitPrice)
            writer.key("variant_id"); writer.string(line.variantID)
            writer.endObject()
        }
        writer.endArray()
        writer.key("number"); writer.string(order.number)
        writer.key("object"); writer.string("order")
        writer.key("paid_at"); writer.timestamp(order.paidAt)
        writer.key("placed_at"); writer.timestamp(order.placedAt)
        writer.key("shipping_address")
        if let address = order.shippingAddress { writer.address(address) } else { writer.null() }
        writer.key("source"); writer.string(order.source)
        writer.key("status"); writer.string(order.status.rawValue)
        writer.key("totals")
        writer.beginObject()
        writer.key("discount"); writer.integer(order.totals.discount)
        writer.key("refunded"); writer.integer(order.totals.refunded)
        writer.key("shipping"); writer.integer(order.totals.shipping)
        writer.key("subtotal"); writer.integer(order.totals.subtotal)
        writer.key("tax"); writer.integer(order.totals.tax)
        writer.key("total"); writer.integer(order.totals.total)
        writer.endObject()
        writer.key("updated_at"); writer.timestamp(order.updatedAt)
        writer.endObject()
    }

    public static func write(_ fulfillment: Fulfillment, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("carrier"); writer.string(fulfillment.carrier)
        writer.key("created_at"); writer.timestamp(fulfillment.createdAt)
        writer.key("delivered_at"); writer.timestamp(fulfillment.deliveredAt)
        writer.key("external_id"); writer.string(fulfillment.externalID)
        writer.key("id"); writer.string(fulfillment.id)
        writer.key("object"); writer.string("fulfillment")
        writer.key("order_id"); writer.string(fulfillment.orderID)
        writer.key("tracking_number"); writer.string(fulfillment.trackingNumber)
        writer.key("tracking_url"); writer.string(fulfillment.trackingURL)
        writer.endObject()
    }

    public static func json(_ orderReturn: OrderReturn) -> String {
        var writer = JSONWriter()
        write(orderReturn, to: &writer)
        return writer.text
    }

    public static func write(_ orderReturn: OrderReturn, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(orderReturn.createdAt)
        writer.key("currency"); writer.string(orderReturn.currency)
        writer.key("customer_id"); writer.string(orderReturn.customerID)
        writer.key("id"); writer.string(orderReturn.id)
        writer.key("items")
        writer.beginArray()
        for item in orderReturn.items {
            writer.beginObject()
            writer.key("line_id"); writer.string(item.lineID)
            writer.key("quantity"); writer.integer(Int64(item.quantity))
            writer.endObject()
        }
        writer.endArray()
        writer.key("object"); writer.string("return")
        writer.key("order_id"); writer.string(orderReturn.orderID)
        writer.key("reason"); writer.string(orderReturn.reason)
        writer.key("refund_amount")
        if let amount = orderReturn.refundAmount { writer.integer(amount) } else { writer.null() }
        writer.key("status"); writer.string(orderReturn.status.rawValue)
        writer.key("updated_at"); writer.timestamp(orderReturn.updatedAt)
        writer.endObject()
    }

    public static func json(_ product: Product) -> String {
        var writer = JSONWriter()
        write(product, to: &writer)
        return writer.text
    }

    public static func write(_ product: Product, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("active"); writer.bool(product.active)
        writer.key("categories"); writer.strings(product.categories)
        writer.key("created_at"); writer.timestamp(product.createdAt)
        writer.key("description"); writer.string(product.description)
        writer.key("external_id"); writer.string(product.externalID)
        writer.key("id"); writer.string(product.id)
        writer.key("image_url"); writer.string(product.imageURL)
        writer.key("object"); writer.string("product")
        writer.key("source"); writer.string(product.source)
        writer.key("title"); writer.string(product.title)
        writer.key("updated_at"); writer.timestamp(product.updatedAt)
        writer.key("variants")
        writer.beginArray()
        for variant in product.variants {
            writer.beginObject()
            writer.key("currency"); writer.string(variant.currency)
            writer.key("external_id"); writer.string(variant.externalID)
            writer.key("id"); writer.string(variant.id)
            writer.key("price"); writer.integer(variant.price)
            writer.key("sku"); writer.string(variant.sku)
            writer.key("title"); writer.string(variant.title)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
