import Foundation

/// A customer's data-subject rights: the export of everything Rapport holds on them, and
/// erasure. Both cover the customer and every record merged into them; both are audited.
public struct PrivacyService: Sendable {
    /// How many products the export lists as recommended to the customer now.
    public static let exportedRecommendations = 20

    private let customers: CustomerService
    private let recommendations: RecommendationService
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService, recommendations: RecommendationService) {
        self.customers = customers
        self.recommendations = recommendations
    }

    /// Everything Rapport holds on the customer, complete. Needs `exportCustomerData`; a
    /// merged-away id is refused with the survivor's id, as for every read.
    public func export(customerID: String, as actor: Actor) async throws -> CustomerExport {
        try actor.require(.exportCustomerData)
        let workspaceID = actor.workspaceID
        let now = context.clock.now()
        let (ids, tables) = try await context.store.read { session in
            let customer = try await customers.liveOrDeletedCustomer(id: customerID, workspaceID: workspaceID, session: session)
            let ids = [customer.id] + (try await session.privacy.mergedAwayIDs(into: customer.id, workspaceID: workspaceID))
            return (ids, try await session.privacy.personalData(customerIDs: ids, workspaceID: workspaceID))
        }
        // Views waiting in the buffer come first in the log, as they came first.
        try await context.audits.flush()
        try await context.write { transaction in
            try await transaction.audit(AuditRecord(.customerExported, subject: .customer(customerID)), by: actor)
        }
        return CustomerExport(
            customerID: customerID, customerIDs: ids, exportedAt: now, tables: tables + [try await recommended(ids[0], at: now, as: actor)])
    }

    /// The products Rapport recommends to the customer now, as the shop and agents would get
    /// them (the profiling's result, GDPR Art. 15(1)(h)). Rapport keeps no log of each list it
    /// served; what the shop showed reaches it, when the shop reports it, as tracked events
    /// (`Product List Viewed`), which the export holds with the rest. A deleted customer gets
    /// none.
    private func recommended(_ customerID: String, at now: Date, as actor: Actor) async throws -> PersonalDataTable {
        var items: [ProductRecommendation] = []
        do {
            items = try await recommendations.forCustomer(id: customerID, limit: Self.exportedRecommendations, as: actor)
        } catch RapportError.notFound, RapportError.gone {}
        return PersonalDataTable(
            name: "recommendations", columns: ["position", "product_id", "score", "reason", "computed_at"],
            rows: items.enumerated().map { position, item in
                [.number(Double(position + 1)), .string(item.productID), .number(item.score), .string(item.reason.rawValue),
                 .string(Timestamp.iso8601(now))]
            })
    }

    /// Erases the customer and every record merged into them, in one transaction, for good:
    /// afterwards their ids answer 410 Gone and no table holds their data. Orders stay for the
    /// books with the person taken out (`pseudonymise`, the default) or go too (`delete`).
    /// A deleted customer can be erased; a merged-away id is refused with the survivor's id.
    /// Needs `eraseCustomers`.
    public func erase(customerID: String, orders: ErasedOrders = .pseudonymise, as actor: Actor) async throws -> ErasureReceipt {
        try actor.require(.eraseCustomers)
        let workspaceID = actor.workspaceID
        try await context.audits.flush()
        return try await context.write { transaction in
            let session = transaction.session
            let customer = try await customers.liveOrDeletedCustomer(id: customerID, workspaceID: workspaceID, session: session)
            let ids = [customer.id] + (try await session.privacy.mergedAwayIDs(into: customer.id, workspaceID: workspaceID))
            let now = transaction.now
            let placeholderID = orders == .pseudonymise ? ResourceID.make(.customer, at: now) : nil
            try await session.segments.leaveAll(customerIDs: ids, workspaceID: workspaceID)
            let rows = try await session.privacy.erase(customerIDs: ids, placeholderID: placeholderID, workspaceID: workspaceID, at: now)
            try await transaction.audit(
                AuditRecord(
                    .customerErased, subject: .erasedCustomer(customer.id), details: ["orders": orders.rawValue, "records": String(ids.count)]),
                by: actor)
            let receipt = ErasureReceipt(customerID: customer.id, customerIDs: ids, orders: orders, erasedAt: now, rows: rows)
            try await transaction.record(CustomerErasure(receipt, workspaceID: workspaceID))
            return receipt
        }
    }
}
