import Foundation

/// Writes many orders in one transaction: existing orders (by source and external id) are
/// updated, new ones inserted together; customers are found or created through identity
/// resolution in one pass; catalog variants are looked up at once.
struct OrderBatch {
    let commerce: CommerceService
    let transaction: WriteTransaction
    var session: any StoreSession { transaction.session }
    let workspaceID: String
    let actor: String

    private var log: CommerceChangeLog
    private var orders: [String: Order] = [:]
    private var newKeys: [String] = []
    private var newKeySet: Set<String> = []
    private var changedKeys: Set<String> = []
    private var variants: [String: VariantMatch] = [:]

    init(commerce: CommerceService, transaction: WriteTransaction, workspaceID: String, actor: String) {
        self.commerce = commerce
        self.transaction = transaction
        self.workspaceID = workspaceID
        self.actor = actor
        self.log = CommerceChangeLog(context: commerce.context)
    }

    static func key(source: String, externalID: String) -> String { source + "\u{1F}" + externalID }

    mutating func run(_ inputs: [PreparedOrder]) async throws -> [OrderOutcome] {
        for (source, group) in Dictionary(grouping: inputs, by: \.input.source) {
            let ids = Array(Set(group.map(\.input.resolvedExternalID)))
            for order in try await session.orders.find(source: source, externalIDs: ids, workspaceID: workspaceID) {
                orders[Self.key(source: order.source, externalID: order.externalID)] = order
            }
        }
        let customerIDs = try await resolveCustomers(inputs)
        try await lookUpVariants(inputs)
        var outcomes: [OrderOutcome] = []
        outcomes.reserveCapacity(inputs.count)
        for (index, prepared) in inputs.enumerated() {
            let key = prepared.key
            if var stored = orders[key] {
                var input = prepared.input
                // An order kept for the books after its customer was erased: the shop's later
                // reports (shipped, delivered) update it, but never put the person back.
                if try await session.privacy.erasedAt(customerID: stored.customerID, workspaceID: workspaceID) != nil {
                    input.email = nil
                    input.shippingAddress = nil
                }
                if apply(input, to: &stored) {
                    if !newKeySet.contains(key) { changedKeys.insert(key) }
                    orders[key] = stored
                }
                outcomes.append(OrderOutcome(order: stored, created: false))
            } else {
                guard let customerID = customerIDs[index] else {
                    throw RapportError.invalid(field: "customer", "names no customer")
                }
                let order = create(prepared.input, customerID: customerID)
                orders[key] = order
                newKeys.append(key)
                newKeySet.insert(key)
                outcomes.append(OrderOutcome(order: order, created: true))
            }
        }
        let created = newKeys.compactMap { orders[$0] }
        let context = commerce.context
        async let creations = CommerceChangeLog.creations(of: created, context: context)
        try await session.orders.insert(created)
        log.append(await creations)
        for key in changedKeys.sorted() {
            guard let order = orders[key] else { continue }
            try await session.orders.update(order)
            log.add(OrderChange(.updated, order))
        }
        try await log.flush(to: transaction)
        // Each outcome shows its order as the whole batch left it.
        return zip(outcomes, inputs).map { OrderOutcome(order: orders[$1.key] ?? $0.order, created: $0.created) }
    }

    /// The customer of each new order, by input index: named outright, or found or created
    /// from the order's identities (all in one upsert batch).
    private func resolveCustomers(_ inputs: [PreparedOrder]) async throws -> [Int: String] {
        var result: [Int: String] = [:]
        var upserts: [PreparedUpsert] = []
        var upsertOwners: [Int] = []
        var seen = Set<String>()
        for (index, prepared) in inputs.enumerated() where orders[prepared.key] == nil && seen.insert(prepared.key).inserted {
            if let customerID = prepared.input.customerID {
                do {
                    result[index] = try await commerce.customers.liveCustomer(id: customerID, workspaceID: workspaceID, session: session).id
                } catch RapportError.mergedInto(let survivorID) {
                    result[index] = survivorID
                } catch RapportError.notFound {
                    throw RapportError.invalid(field: "customer_id", "no live customer has id \(customerID)")
                }
            } else if let customer = prepared.customer {
                upserts.append(customer)
                upsertOwners.append(index)
            }
        }
        guard !upserts.isEmpty else { return result }
        var batch = UpsertBatch(service: commerce.customers, transaction: transaction, workspaceID: workspaceID, actor: actor)
        let outcomes = try await batch.run(upserts)
        for (index, outcome) in zip(upsertOwners, outcomes) { result[index] = outcome.customer.id }
        // A later input with the same key reuses the first one's customer.
        var firstCustomer: [String: String] = [:]
        for (index, prepared) in inputs.enumerated() {
            if let id = result[index] {
                if firstCustomer[prepared.key] == nil { firstCustomer[prepared.key] = id }
            } else if let id = firstCustomer[prepared.key] {
                result[index] = id
            }
        }
        return result
    }

    private mutating func lookUpVariants(_ inputs: [PreparedOrder]) async throws {
        var references = VariantReferences()
        for prepared in inputs {
            for line in prepared.input.lines {
                if let id = line.variantID { references.variantIDs.insert(id) }
                if let sku = line.sku { references.skus.insert(sku) }
                if let id = line.variantExternalID { references.variantExternalIDs[prepared.input.source, default: []].insert(id) }
                if let id = line.productExternalID { references.productExternalIDs[prepared.input.source, default: []].insert(id) }
            }
        }
        guard !references.isEmpty else { return }
        for match in try await session.catalog.variants(matching: references, workspaceID: workspaceID) {
            variants["id:" + match.variant.id] = match
            if let sku = match.variant.sku { variants["sku:" + sku] = match }
            if let external = match.variant.externalID { variants["v:\(match.source):\(external)"] = match }
            if variants["p:\(match.source):\(match.productExternalID)"] == nil {
                variants["p:\(match.source):\(match.productExternalID)"] = match
            }
        }
    }

    private func match(_ line: OrderLineInput, source: String) -> VariantMatch? {
        if let id = line.variantID, let match = variants["id:" + id] { return match }
        if let id = line.variantExternalID, let match = variants["v:\(source):\(id)"] { return match }
        if let sku = line.sku, let match = variants["sku:" + sku] { return match }
        if let id = line.productExternalID, let match = variants["p:\(source):\(id)"] { return match }
        return nil
    }

    private func lines(_ input: OrderInput, reusing previous: [OrderLine], at now: Date) -> [OrderLine] {
        input.lines.enumerated().map { index, line in
            let found = match(line, source: input.source)
            let title = line.title ?? found.map { [$0.productTitle, $0.variant.title].filter { !$0.isEmpty && $0 != "Default" }.joined(separator: " – ") } ?? line.sku ?? "Item"
            return OrderLine(
                id: index < previous.count ? previous[index].id : ResourceID.make(.orderLine, at: now),
                productID: found?.variant.productID, variantID: found?.variant.id, sku: line.sku ?? found?.variant.sku,
                title: title, quantity: line.quantity, unitPrice: line.unitPrice, discount: line.discount)
        }
    }

    private func totals(_ input: OrderInput, lines: [OrderLine], refunded: Int64) -> OrderTotals {
        var totals = OrderTotals.computed(lines: lines, discount: input.discount, tax: input.tax, shipping: input.shipping)
        if let subtotal = input.subtotal { totals.subtotal = subtotal }
        if let total = input.total { totals.total = total }
        totals.refunded = refunded
        return totals
    }

    private func create(_ input: OrderInput, customerID: String) -> Order {
        let now = commerce.clock.now()
        let placedAt = input.placedAt ?? now
        let id = ResourceID.make(.order, at: placedAt)
        let lines = self.lines(input, reusing: [], at: now)
        let status = input.status ?? (input.fulfillments.isEmpty ? .pending : .fulfilled)
        var order = Order(
            id: id, workspaceID: workspaceID, customerID: customerID, number: input.number, source: input.source,
            externalID: input.resolvedExternalID, status: status, channel: input.channel, currency: input.currency,
            lines: lines, totals: totals(input, lines: lines, refunded: 0), discountCodes: input.discountCodes,
            shippingAddress: input.shippingAddress, email: input.email,
            fulfillments: input.fulfillments.map { fulfillment($0, orderID: id, at: now) }, placedAt: placedAt,
            createdAt: now, updatedAt: now)
        order.sourceUpdatedAt = input.sourceUpdatedAt
        // An order that arrives already paid or shipped gets the times of the steps it passed.
        let reached: [OrderStatus] = switch status {
        case .paid: [.paid]
        case .fulfilled: [.paid, .fulfilled]
        case .delivered: [.paid, .fulfilled, .delivered]
        case .refunded, .partiallyRefunded: [.paid]
        case .cancelled: [.cancelled]
        case .pending: []
        }
        for step in reached {
            let when = step == .fulfilled ? (order.fulfillments.first?.createdAt ?? placedAt) : placedAt
            order.stamp(step, at: when)
        }
        return order
    }

    private func fulfillment(_ input: FulfillmentInput, orderID: String, at now: Date) -> Fulfillment {
        Fulfillment(
            id: ResourceID.make(.fulfillment, at: now), orderID: orderID, carrier: input.carrier,
            trackingNumber: input.trackingNumber, trackingURL: input.trackingURL, externalID: input.externalID,
            createdAt: input.shippedAt ?? now, deliveredAt: input.deliveredAt)
    }

    /// Applies a newer report of a stored order; returns whether anything changed. The source
    /// is the record, so its status is taken as given.
    private mutating func apply(_ input: OrderInput, to order: inout Order) -> Bool {
        // A report older than the newest one applied arrived late: the shop has moved on since.
        if let reported = input.sourceUpdatedAt, let known = order.sourceUpdatedAt, reported < known { return false }
        let now = commerce.clock.now()
        let before = order
        if let reported = input.sourceUpdatedAt { order.sourceUpdatedAt = reported }
        order.number = input.number
        order.channel = input.channel
        order.currency = input.currency
        if !input.lines.isEmpty {
            let updated = lines(input, reusing: order.lines, at: now)
            order.lines = updated
        }
        order.totals = totals(input, lines: order.lines, refunded: order.totals.refunded)
        if !input.discountCodes.isEmpty { order.discountCodes = input.discountCodes }
        if let address = input.shippingAddress { order.shippingAddress = address }
        if let email = input.email { order.email = email }
        for report in input.fulfillments {
            if let index = order.fulfillments.firstIndex(where: {
                (report.externalID != nil && $0.externalID == report.externalID)
                    || (report.trackingNumber != nil && $0.trackingNumber == report.trackingNumber)
            }) {
                if let delivered = report.deliveredAt, order.fulfillments[index].deliveredAt == nil {
                    order.fulfillments[index].deliveredAt = delivered
                }
                if let url = report.trackingURL { order.fulfillments[index].trackingURL = url }
                if let carrier = report.carrier { order.fulfillments[index].carrier = carrier }
            } else {
                let added = fulfillment(report, orderID: order.id, at: now)
                order.fulfillments.append(added)
                log.add(OrderChange(.fulfilled(added), order))
            }
        }
        if let status = input.status, status != order.status {
            let previous = order.status
            order.status = status
            order.stamp(status, at: now)
            log.add(OrderChange(.statusChanged(from: previous, at: now), order))
        }
        var comparable = order
        comparable.updatedAt = before.updatedAt
        guard comparable != before else { return false }
        order.updatedAt = now
        return true
    }
}
