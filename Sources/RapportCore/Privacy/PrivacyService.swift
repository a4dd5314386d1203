import Foundation

/// A customer's data-subject rights: the export of everything Rapport holds on them, and
/// erasure. Both cover the customer and every record merged into them; both are audited.
public struct PrivacyService: Sendable {
    private let customers: CustomerService
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService) {
        self.customers = customers
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
        return CustomerExport(customerID: customerID, customerIDs: ids, exportedAt: now, tables: tables)
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
