import Foundation

extension CommerceService {
    /// Creates orders, or updates those already known by source and external id. Either all
    /// are written or, on any invalid input, none; with several inputs field errors are named
    /// `[index].field`.
    /// Orders written by a person or an integration: changing orders needs `changeOrders`, and
    /// one that says an order was refunded needs `refundOrders`, as a refund does.
    public func upsertOrders(_ inputs: [OrderInput], as actor: Actor) async throws -> [OrderOutcome] {
        try actor.require(.changeOrders)
        if inputs.contains(where: { $0.status?.isRefund == true }) { try actor.require(.refundOrders) }
        return try await upsertOrders(inputs, workspaceID: actor.workspaceID, actor: actor.label)
    }

    func upsertOrders(_ inputs: [OrderInput], workspaceID: String, actor: String) async throws -> [OrderOutcome] {
        try await upsertPrepared(try prepare(inputs), workspaceID: workspaceID, actor: actor)
    }

    /// Writes orders validated before (imports validate row by row, then write in batches).
    func upsertPrepared(_ prepared: [PreparedOrder], workspaceID: String, actor: String) async throws -> [OrderOutcome] {
        try await context.retryingConflicts {
            try await context.write { transaction in
                try await writeOrders(prepared, workspaceID: workspaceID, actor: actor, transaction: transaction)
            }
        }
    }

    /// Validates orders and normalises their customers' identities.
    func prepare(_ inputs: [OrderInput]) throws -> [PreparedOrder] {
        var errors: [FieldError] = []
        var prepared: [PreparedOrder] = []
        prepared.reserveCapacity(inputs.count)
        for (index, original) in inputs.enumerated() {
            let field = inputs.count > 1 ? "[\(index)]" : nil
            var input = original
            input.currency = Currency.normalized(input.currency) ?? input.currency
            input.number = input.number.trimmed
            errors += CommerceRules.problems(in: input, field: field)
            var customer = input.customer
            if input.customerID == nil, (customer?.identities ?? []).isEmpty, let email = input.email {
                customer = CustomerInput(identities: [IdentityInput(.email, value: email)])
            }
            var upsert: PreparedUpsert?
            if input.customerID == nil, let customer, !customer.identities.isEmpty {
                let name = field.map { "\($0).customer" } ?? "customer"
                do {
                    upsert = try customers.prepare(customer, field: name, provenance: .proven)
                } catch {
                    if case .invalid(let fieldErrors) = error { errors += fieldErrors } else { throw error }
                }
            }
            prepared.append(PreparedOrder(input: input, customer: upsert))
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return prepared
    }

    /// Writes prepared orders inside a transaction the caller holds (tracking, webhooks).
    func writeOrders(
        _ prepared: [PreparedOrder], workspaceID: String, actor: String, transaction: WriteTransaction
    ) async throws -> [OrderOutcome] {
        guard !prepared.isEmpty else { return [] }
        var batch = OrderBatch(commerce: self, transaction: transaction, workspaceID: workspaceID, actor: actor)
        return try await batch.run(prepared)
    }

    public func order(id: String, as actor: Actor) async throws -> Order {
        try await store.read { session in try await storedOrder(id: id, workspaceID: actor.workspaceID, session: session) }
    }

    func storedOrder(id: String, workspaceID: String, session: any StoreSession) async throws -> Order {
        guard let order = try await session.orders.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No order with id \(id).")
        }
        return order
    }

    /// Orders of one number (the bot and people look orders up by the number on the receipt).
    public func orders(number: String, as actor: Actor) async throws -> [Order] {
        try await store.read { session in try await session.orders.find(number: number.trimmed, workspaceID: actor.workspaceID) }
    }

    public func orders(filter: OrderFilter, page: PageRequest, as actor: Actor) async throws -> Page<Order> {
        try await store.read { session in
            var filter = filter
            if let customerID = filter.customerID {
                // Orders of a merged-away customer now belong to the survivor.
                do {
                    _ = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
                } catch RapportError.mergedInto(let survivorID) {
                    filter.customerID = survivorID
                }
            }
            return try await session.orders.list(filter: filter, workspaceID: actor.workspaceID, page: page)
        }
    }

    /// Moves an order along its lifecycle; a move the lifecycle does not allow is a conflict
    /// that names the moves that are allowed.
    public func changeStatus(orderID: String, to status: OrderStatus, as actor: Actor) async throws -> Order {
        try actor.require(status.isRefund ? .refundOrders : .changeOrders)
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in try await changeStatus(orderID: orderID, to: status, workspaceID: workspaceID, transaction: transaction) }
    }

    /// `changeStatus` inside the caller's transaction (the bot cancels an order in the same
    /// transaction as its answer).
    func changeStatus(orderID: String, to status: OrderStatus, workspaceID: String, transaction: WriteTransaction) async throws -> Order {
        let session = transaction.session
        var order = try await storedOrder(id: orderID, workspaceID: workspaceID, session: session)
        guard order.status != status else { return order }
        guard order.status.canMove(to: status) else {
            let allowed = OrderStatus.allCases.filter { order.status.canMove(to: $0) }.map(\.rawValue)
            throw RapportError.conflict(
                "Order \(order.number) is \(order.status.rawValue) and cannot become \(status.rawValue)"
                    + (allowed.isEmpty ? "; it is final." : "; it can become \(allowed.joined(separator: ", ")).")
                    + (status == .refunded || status == .partiallyRefunded ? " Refunds are recorded through returns or the shop." : ""))
        }
        let now = clock.now()
        let previous = order.status
        order.status = status
        order.stamp(status, at: now)
        order.updatedAt = now
        var log = CommerceChangeLog(context: context)
        log.add(OrderChange(.statusChanged(from: previous, at: now), order))
        try await session.orders.update(order)
        try await log.flush(to: transaction)
        return order
    }

    /// Records a shipment; a paid order becomes fulfilled (delivered, when the shipment says so).
    public func addFulfillment(orderID: String, _ input: FulfillmentInput, as actor: Actor) async throws -> (Order, Fulfillment) {
        try actor.require(.changeOrders)
        let workspaceID = actor.workspaceID
        let errors = CommerceRules.problems(in: input, field: nil)
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return try await context.write { transaction in
            let session = transaction.session
            var order = try await storedOrder(id: orderID, workspaceID: workspaceID, session: session)
            guard ![.cancelled, .pending, .refunded].contains(order.status) else {
                throw RapportError.conflict("Order \(order.number) is \(order.status.rawValue); only paid orders ship.")
            }
            let now = clock.now()
            let fulfillment = Fulfillment(
                id: ResourceID.make(.fulfillment, at: now), orderID: order.id, carrier: input.carrier,
                trackingNumber: input.trackingNumber, trackingURL: input.trackingURL, externalID: input.externalID,
                createdAt: input.shippedAt ?? now, deliveredAt: input.deliveredAt)
            order.fulfillments.append(fulfillment)
            var log = CommerceChangeLog(context: context)
            log.add(OrderChange(.fulfilled(fulfillment), order))
            for next in [OrderStatus.fulfilled, input.deliveredAt == nil ? nil : .delivered].compactMap({ $0 })
            where order.status.canMove(to: next) {
                let previous = order.status
                order.status = next
                order.stamp(next, at: next == .delivered ? (input.deliveredAt ?? now) : now)
                log.add(OrderChange(.statusChanged(from: previous, at: now), order))
            }
            order.updatedAt = now
            try await session.orders.update(order)
            try await log.flush(to: transaction)
            return (order, fulfillment)
        }
    }

    /// Gives money back on an order inside the caller's transaction. A refund already recorded
    /// under the same source and external id changes nothing. The order's refunded total grows
    /// (never beyond its total) and its status becomes refunded or partially refunded.
    func applyRefund(_ input: RefundInput, to order: inout Order, log: inout CommerceChangeLog, session: any StoreSession) async throws -> Refund? {
        if try await session.orders.refundExists(source: input.source, externalID: input.externalID, workspaceID: order.workspaceID) {
            return nil
        }
        guard ![.pending, .cancelled].contains(order.status) else {
            throw RapportError.conflict("Order \(order.number) is \(order.status.rawValue); there is no payment to refund.")
        }
        let remaining = order.totals.net
        let amount = min(input.amount ?? remaining, remaining)
        guard amount > 0 else {
            throw RapportError.conflict("Order \(order.number) is already refunded in full.")
        }
        let now = clock.now()
        let refund = Refund(
            id: ResourceID.make(.refund, at: now), workspaceID: order.workspaceID, orderID: order.id, amount: amount,
            reason: input.reason, source: input.source, externalID: input.externalID, createdAt: now)
        try await session.orders.insertRefund(refund)
        order.totals.refunded += amount
        let previous = order.status
        order.status = order.totals.refunded >= order.totals.total ? .refunded : .partiallyRefunded
        order.updatedAt = now
        log.add(OrderChange(.refunded(refund), order))
        if previous != order.status { log.add(OrderChange(.statusChanged(from: previous, at: now), order)) }
        return refund
    }
}
