import Foundation

/// Collects the domain events and timeline touchpoints of commerce changes inside one
/// transaction, and writes them together at the end.
struct CommerceChangeLog: Sendable {
    let customers: CustomerService
    let workspaceID: String
    private(set) var events: [DomainEvent] = []
    private(set) var interactions: [Interaction] = []

    init(customers: CustomerService, workspaceID: String) {
        self.customers = customers
        self.workspaceID = workspaceID
    }

    mutating func event(_ type: DomainEventType, subject: String, json: String) {
        events.append(customers.context.event(type, subject: subject, workspaceID: workspaceID, json: json))
    }

    /// A touchpoint about `order` on its customer's timeline.
    mutating func touchpoint(
        _ kind: InteractionKind, order: Order, direction: InteractionDirection, summary: String, at date: Date,
        extra: [String: JSONValue] = [:]
    ) {
        var payload: [String: JSONValue] = [
            "order_id": .string(order.id), "number": .string(order.number), "status": .string(order.status.rawValue),
            "total": .number(Double(order.totals.total)), "currency": .string(order.currency),
        ]
        payload.merge(extra) { _, new in new }
        let now = customers.clock.now()
        interactions.append(Interaction(
            id: ResourceID.make(.interaction, at: now), workspaceID: workspaceID, customerID: order.customerID,
            channel: order.channel.interactionChannel, direction: direction, kind: kind, summary: summary,
            occurredAt: date, payload: .object(payload), createdAt: now))
    }

    mutating func orderCreated(_ order: Order) {
        event(.orderCreated, subject: order.id, json: OrderDocument.json(order))
        let items = order.lines.reduce(0) { $0 + $1.quantity }
        touchpoint(
            .orderPlaced, order: order, direction: .inbound,
            summary: "Order \(order.number) placed: \(MoneyText.format(order.totals.total, order.currency)), \(items) item\(items == 1 ? "" : "s")",
            at: order.placedAt)
    }

    mutating func statusChanged(_ order: Order, from previous: OrderStatus, at date: Date) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("from"); writer.string(previous.rawValue)
        writer.key("number"); writer.string(order.number)
        writer.key("order_id"); writer.string(order.id)
        writer.key("to"); writer.string(order.status.rawValue)
        writer.endObject()
        event(.orderStatusChanged, subject: order.id, json: writer.text)
        touchpoint(
            .order(order.status), order: order, direction: .internal,
            summary: "Order \(order.number) is now \(order.status.rawValue.replacingOccurrences(of: "_", with: " "))",
            at: date, extra: ["previous_status": .string(previous.rawValue)])
    }

    mutating func fulfilled(_ order: Order, _ fulfillment: Fulfillment) {
        var writer = JSONWriter()
        OrderDocument.write(fulfillment, to: &writer)
        event(.orderFulfilled, subject: order.id, json: writer.text)
        var summary = "Order \(order.number) shipped"
        if let carrier = fulfillment.carrier { summary += " with \(carrier)" }
        if let number = fulfillment.trackingNumber { summary += ", tracking \(number)" }
        var extra: [String: JSONValue] = ["fulfillment_id": .string(fulfillment.id)]
        if let url = fulfillment.trackingURL { extra["tracking_url"] = .string(url) }
        touchpoint(.orderShipped, order: order, direction: .outbound, summary: summary, at: fulfillment.createdAt, extra: extra)
    }

    mutating func refunded(_ order: Order, _ refund: Refund) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("amount"); writer.integer(refund.amount)
        writer.key("currency"); writer.string(order.currency)
        writer.key("id"); writer.string(refund.id)
        writer.key("order_id"); writer.string(order.id)
        writer.key("reason"); writer.string(refund.reason)
        writer.key("refunded_total"); writer.integer(order.totals.refunded)
        writer.key("source"); writer.string(refund.source)
        writer.endObject()
        event(.orderRefunded, subject: order.id, json: writer.text)
        touchpoint(
            .orderRefunded, order: order, direction: .outbound,
            summary: "Refund of \(MoneyText.format(refund.amount, order.currency)) on order \(order.number)",
            at: refund.createdAt, extra: ["refund_id": .string(refund.id), "amount": .number(Double(refund.amount))])
    }

    mutating func returnChanged(_ orderReturn: OrderReturn, order: Order, requested: Bool) {
        event(requested ? .returnRequested : .returnStatusChanged, subject: orderReturn.id, json: OrderDocument.json(orderReturn))
        let summary = requested
            ? "Return requested on order \(order.number): \(orderReturn.reason)"
            : "Return on order \(order.number) \(orderReturn.status.rawValue)"
        touchpoint(
            requested ? .returnRequested : .orderReturn(orderReturn.status), order: order,
            direction: requested ? .inbound : .internal, summary: summary, at: orderReturn.updatedAt,
            extra: ["return_id": .string(orderReturn.id)])
    }

    /// The events and touchpoints of new orders, built apart (on another core, while the
    /// orders are inserted) and then added with `append`.
    static func creations(of orders: [Order], customers: CustomerService, workspaceID: String) -> CommerceChangeLog {
        var log = CommerceChangeLog(customers: customers, workspaceID: workspaceID)
        for order in orders { log.orderCreated(order) }
        return log
    }

    mutating func append(_ other: CommerceChangeLog) {
        events += other.events
        interactions += other.interactions
    }

    /// Writes what was collected.
    mutating func flush(to session: any StoreSession) async throws {
        try await session.interactions.insert(interactions)
        try await session.events.append(events)
        interactions.removeAll()
        events.removeAll()
    }
}
