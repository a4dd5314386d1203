import Foundation

extension CommerceService {
    /// Opens a return for items of a shipped order. Each item must be a line of the order,
    /// and no more may come back than was bought less what other returns already claim.
    public func requestReturn(_ input: ReturnInput, as actor: Actor) async throws -> OrderReturn {
        try actor.require(.changeOrders)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        problems.text(input.reason, "reason", maxLength: 2000)
        if input.items.isEmpty { problems.add("items", "name at least one line and quantity") }
        if input.items.count > CommerceRules.maximumLines { problems.add("items", "at most \(CommerceRules.maximumLines) items") }
        for (index, item) in input.items.enumerated() where item.quantity < 1 {
            problems.add("items[\(index)].quantity", "must be at least 1")
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        return try await context.write { transaction in try await requestReturn(input, workspaceID: workspaceID, transaction: transaction) }
    }

    /// `requestReturn` inside the caller's transaction, once the input's own checks passed
    /// (the bot opens a return in the same transaction as its answer).
    func requestReturn(_ input: ReturnInput, workspaceID: String, transaction: WriteTransaction) async throws -> OrderReturn {
        let session = transaction.session
        var order: Order
        do {
            order = try await storedOrder(id: input.orderID, workspaceID: workspaceID, session: session)
        } catch RapportError.notFound {
            throw RapportError.invalid(field: "order_id", "no order has id \(input.orderID)")
        }
        guard ![.pending, .cancelled, .refunded].contains(order.status) else {
            throw RapportError.conflict("Order \(order.number) is \(order.status.rawValue); there is nothing to return.")
        }
        let earlier = try await session.returns.returns(orderID: order.id, workspaceID: workspaceID)
            .filter { $0.status != .rejected }
        var claimed: [String: Int] = [:]
        for item in earlier.flatMap(\.items) { claimed[item.lineID, default: 0] += item.quantity }
        var errors: [FieldError] = []
        for (index, item) in input.items.enumerated() {
            guard let line = order.lines.first(where: { $0.id == item.lineID }) else {
                errors.append(FieldError(field: "items[\(index)].line_id", message: "is not a line of order \(order.number)"))
                continue
            }
            claimed[item.lineID, default: 0] += item.quantity
            if let total = claimed[item.lineID], total > line.quantity {
                errors.append(FieldError(
                    field: "items[\(index)].quantity",
                    message: "\(line.quantity) bought, \(total - item.quantity) already in returns: at most \(max(0, line.quantity - total + item.quantity)) can come back"))
            }
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        let now = clock.now()
        let orderReturn = OrderReturn(
            id: ResourceID.make(.orderReturn, at: now), workspaceID: workspaceID, orderID: order.id,
            customerID: order.customerID, status: .requested, reason: input.reason.trimmed, items: input.items,
            refundAmount: nil, currency: order.currency, createdAt: now, updatedAt: now)
        try await session.returns.insert(orderReturn)
        var log = CommerceChangeLog(context: context)
        log.add(ReturnChange(requested: true, orderReturn, of: order))
        try await log.flush(to: transaction)
        order.updatedAt = now
        return orderReturn
    }

    /// Moves a return along `requested → approved → received → refunded` (or to `rejected`).
    /// Refunding gives back `refundAmount`, or by default what the returned items cost after
    /// their lines' discounts, and adjusts the order's totals.
    public func changeReturnStatus(
        id: String, to status: ReturnStatus, refundAmount: Int64? = nil, as actor: Actor
    ) async throws -> OrderReturn {
        try actor.require(status == .refunded ? .refundOrders : .changeOrders)
        let workspaceID = actor.workspaceID
        if let refundAmount, refundAmount < 0 || refundAmount > CommerceRules.maximumAmount {
            throw RapportError.invalid(field: "refund_amount", "must be between 0 and \(CommerceRules.maximumAmount) minor units")
        }
        if refundAmount != nil, status != .refunded {
            throw RapportError.invalid(field: "refund_amount", "is only given with status refunded")
        }
        return try await context.write { transaction in
            let session = transaction.session
            guard var orderReturn = try await session.returns.find(id: id, workspaceID: workspaceID) else {
                throw RapportError.notFound("No return with id \(id).")
            }
            guard orderReturn.status != status else { return orderReturn }
            guard orderReturn.status.canMove(to: status) else {
                let allowed = ReturnStatus.allCases.filter { orderReturn.status.canMove(to: $0) }.map(\.rawValue)
                throw RapportError.conflict(
                    "Return \(id) is \(orderReturn.status.rawValue) and cannot become \(status.rawValue)"
                        + (allowed.isEmpty ? "; it is final." : "; it can become \(allowed.joined(separator: ", "))."))
            }
            var order = try await storedOrder(id: orderReturn.orderID, workspaceID: workspaceID, session: session)
            var log = CommerceChangeLog(context: context)
            let now = clock.now()
            orderReturn.status = status
            orderReturn.updatedAt = now
            if status == .refunded {
                let itemsValue = orderReturn.items.reduce(Int64(0)) { sum, item in
                    guard let line = order.lines.first(where: { $0.id == item.lineID }), line.quantity > 0 else { return sum }
                    return sum + line.total * Int64(item.quantity) / Int64(line.quantity)
                }
                let refund = try await applyRefund(
                    RefundInput(amount: refundAmount ?? itemsValue, reason: "return \(orderReturn.id): \(orderReturn.reason)",
                                source: "return", externalID: orderReturn.id),
                    to: &order, log: &log, session: session)
                orderReturn.refundAmount = refund?.amount ?? 0
                try await session.orders.update(order)
            }
            try await session.returns.update(orderReturn)
            log.add(ReturnChange(requested: false, orderReturn, of: order))
            try await log.flush(to: transaction)
            // Last in the transaction: the audit head is locked after every row this one locks.
            if status == .refunded {
                try await transaction.audit(
                    AuditRecord(.returnRefunded, subject: .orderReturn(orderReturn.id),
                                details: ["amount": String(orderReturn.refundAmount ?? 0), "currency": orderReturn.currency]),
                    by: actor)
            }
            return orderReturn
        }
    }

    public func orderReturn(id: String, as actor: Actor) async throws -> OrderReturn {
        let found = try await store.read { session in try await session.returns.find(id: id, workspaceID: actor.workspaceID) }
        guard let found else { throw RapportError.notFound("No return with id \(id).") }
        return found
    }

    public func returns(orderID: String?, status: ReturnStatus?, page: PageRequest, as actor: Actor) async throws -> Page<OrderReturn> {
        try await store.read { session in
            try await session.returns.list(orderID: orderID, status: status, workspaceID: actor.workspaceID, page: page)
        }
    }

    /// The customer's latest returns (at most 50), newest first.
    public func returns(customerID: String, as actor: Actor) async throws -> [OrderReturn] {
        try await store.read { session in try await session.returns.returns(customerID: customerID, workspaceID: actor.workspaceID, limit: 50) }
    }

    /// Records a refund a shop or a tracked event reports for the order it knows by
    /// `orderExternalID` in `input.source`, inside the caller's transaction. Unknown orders are
    /// reported as not found; repeated reports change nothing.
    func refund(orderExternalID: String, _ input: RefundInput, workspaceID: String, transaction: WriteTransaction) async throws -> Order {
        let session = transaction.session
        guard var order = try await session.orders.find(source: input.source, externalIDs: [orderExternalID], workspaceID: workspaceID).first
        else {
            throw RapportError.notFound("No order \(orderExternalID) from \(input.source) to refund.")
        }
        var log = CommerceChangeLog(context: context)
        if try await applyRefund(input, to: &order, log: &log, session: session) != nil {
            try await session.orders.update(order)
            try await log.flush(to: transaction)
        }
        return order
    }
}
