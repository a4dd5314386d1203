import Foundation
import RapportCore
import SQLKit

struct SQLCustomerRepository: CustomerRepository {
    let handle: SQLConnectionHandle

    func lockCustomers(ids: [String]) async throws {
        let lock = handle.dialect.lockForUpdate(of: "customers", in: handle)
        guard !lock.isEmpty, !ids.isEmpty else { return }
        let sorted = ids.sorted()
        for start in stride(from: 0, to: sorted.count, by: 1_000) {
            let chunk = Array(sorted[start..<min(start + 1_000, sorted.count)])
            _ = try await handle.sql.raw("SELECT id FROM customers WHERE id IN (\(binds: chunk)) ORDER BY id\(unsafeRaw: lock)").all()
        }
    }

    private static let customerColumns = [
        "id", "workspace_id", "first_name", "last_name", "locale", "timezone", "notes", "addresses", "tags",
        "attributes", "search_document", "created_at", "updated_at", "deleted_at", "merged_into_id",
    ]
    private static let identityColumns = [
        "id", "workspace_id", "customer_id", "kind", "namespace", "value", "source", "created_at", "provenance",
    ]
    /// Lookups are chunked so no statement carries more binds than either engine allows.
    private static let lookupChunk = 500

    func owners(of keys: [IdentityKey], workspaceID: String) async throws -> [IdentityKey: IdentityOwner] {
        var owners: [IdentityKey: IdentityOwner] = [:]
        let wanted = Set(keys)
        let values = Array(Set(keys.map(\.value)))
        for chunk in values.slices(of: Self.lookupChunk) {
            let rows = try await handle.sql.raw("""
                SELECT i.id, i.kind, i.namespace, i.value, i.customer_id, i.provenance, c.deleted_at
                FROM customer_identities i JOIN customers c ON c.id = i.customer_id
                WHERE i.workspace_id = \(bind: workspaceID) AND i.value IN (\(binds: chunk))
                """).all()
            for row in rows {
                guard let kind = IdentityKind(rawValue: try row.string("kind")) else { continue }
                let key = IdentityKey(kind: kind, namespace: try row.string("namespace"), value: try row.string("value"))
                guard wanted.contains(key) else { continue }
                owners[key] = IdentityOwner(
                    customerID: try row.string("customer_id"), isDeleted: try row.optionalDate("deleted_at") != nil,
                    identityID: try row.string("id"), provenance: Self.provenance(try row.optionalString("provenance")))
            }
        }
        return owners
    }

    /// One customer and its identities in one round trip (the 360° view reads this on every request).
    func find(id: String, workspaceID: String) async throws -> Customer? {
        let rows = try await handle.sql.raw("""
            SELECT c.*, i.id AS identity_id, i.kind AS identity_kind, i.value AS identity_value,
                   i.source AS identity_source, i.created_at AS identity_created_at,
                   i.provenance AS identity_provenance
            FROM customers c LEFT JOIN customer_identities i ON i.customer_id = c.id
            WHERE c.workspace_id = \(bind: workspaceID) AND c.id = \(bind: id)
            ORDER BY i.created_at, i.id\(unsafeRaw: handle.dialect.lockForUpdate(of: "c", in: handle))
            """).all()
        guard let first = rows.first else { return nil }
        let identities = try rows.compactMap { row -> Identity? in
            guard let identityID = try row.optionalString("identity_id"),
                let kind = IdentityKind(rawValue: try row.string("identity_kind"))
            else { return nil }
            return Identity(
                id: identityID, kind: kind, value: try row.string("identity_value"),
                source: try row.optionalString("identity_source"), createdAt: try row.date("identity_created_at"),
                provenance: Self.provenance(try row.optionalString("identity_provenance")))
        }
        return try customer(from: first, identities: identities)
    }

    func view(id: String, workspaceID: String) async throws -> CustomerView? {
        guard let row = try await handle.dialect.customerViewRow(id: id, workspaceID: workspaceID, on: handle) else {
            return nil
        }
        let identities = try StoredJSON.decodeList(
            [IdentityRow].self, from: try row.optionalString("identities_json") ?? "[]")
        let recent = try StoredJSON.decodeList(
            [InteractionRow].self, from: try row.optionalString("recent_json") ?? "[]")
        return CustomerView(
            customer: try customer(from: row, identities: identities.compactMap(\.identity)),
            interactionCount: Int(try row.int("interaction_total")),
            recentInteractions: recent.compactMap { $0.interaction(customerID: id, workspaceID: workspaceID) })
    }

    func find(ids: [String], workspaceID: String) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        let rows = try await handle.sql.raw("""
            SELECT * FROM customers c WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: ids))
            ORDER BY id\(unsafeRaw: handle.dialect.lockForUpdate(of: "c", in: handle))
            """).all()
        return try await assemble(rows)
    }

    func proofHolders(among ids: [String], workspaceID: String) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let rows = try await handle.sql.raw("""
            SELECT DISTINCT customer_id FROM customer_identities
            WHERE customer_id IN (\(binds: ids)) AND workspace_id = \(bind: workspaceID) AND provenance = \(bind: IdentityProvenance.proven.rawValue)
            """).all()
        return Set(try rows.map { try $0.string("customer_id") })
    }

    func insert(_ customers: [Customer]) async throws {
        let customerRows = customers.map(customerCells)
        // Identity rows are built on another core while the customer rows are written.
        async let identityRows = customers.flatMap { customer in
            customer.identities.map { Self.identityCells($0, customerID: customer.id, workspaceID: customer.workspaceID) }
        }
        try await handle.dialect.bulkInsert(
            table: "customers", columns: Self.customerColumns, rows: customerRows, on: handle)
        try await handle.dialect.bulkInsert(
            table: "customer_identities", columns: Self.identityColumns, rows: await identityRows, on: handle)
    }

    func update(_ customer: Customer) async throws {
        let profile = customer.profile
        try await handle.sql.raw("""
            UPDATE customers SET
              first_name = \(bind: profile.firstName), last_name = \(bind: profile.lastName),
              locale = \(bind: profile.locale), timezone = \(bind: profile.timezone), notes = \(bind: profile.notes),
              addresses = \(bind: StoredJSON.addresses(profile.addresses)), tags = \(bind: StoredJSON.tags(profile.tags)),
              attributes = \(bind: StoredJSON.attributes(profile.attributes)),
              search_document = \(bind: CustomerSearchDocument.make(profile: profile, identities: customer.identities)),
              updated_at = \(bind: Timestamp.microseconds(customer.updatedAt)),
              deleted_at = \(bind: customer.deletedAt.map(Timestamp.microseconds)),
              merged_into_id = \(bind: customer.mergedIntoID)
            WHERE id = \(bind: customer.id) AND workspace_id = \(bind: customer.workspaceID)
            """).run()
    }

    func addIdentities(_ identities: [Identity], customerID: String, workspaceID: String) async throws {
        try await handle.dialect.bulkInsert(
            table: "customer_identities", columns: Self.identityColumns,
            rows: identities.map { Self.identityCells($0, customerID: customerID, workspaceID: workspaceID) }, on: handle)
    }

    func moveIdentities(ids: [String], to customerID: String, workspaceID: String) async throws {
        for chunk in ids.slices(of: Self.lookupChunk) {
            try await handle.sql.raw("""
                UPDATE customer_identities SET customer_id = \(bind: customerID)
                WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: chunk))
                """).run()
        }
    }

    func markProven(identityIDs ids: [String], workspaceID: String) async throws {
        for chunk in ids.slices(of: Self.lookupChunk) {
            try await handle.sql.raw("""
                UPDATE customer_identities SET provenance = 'proven'
                WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: chunk))
                """).run()
        }
    }

    func removeIdentity(id: String, workspaceID: String) async throws {
        try await handle.sql.raw("""
            DELETE FROM customer_identities WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).run()
    }

    func list(workspaceID: String, filter: CustomerFilter, page: PageRequest) async throws -> Page<Customer> {
        var query: SQLQueryString = """
            SELECT c.* FROM customers c
            WHERE c.workspace_id = \(bind: workspaceID) AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
            """
        query += filter.conditions(workspaceID: workspaceID, dialect: handle.dialect)
        if let cursor = page.startingAfter { query += " AND c.id < \(bind: cursor)" }
        query += " ORDER BY c.id DESC LIMIT \(literal: page.limit + 1)"
        return try await self.page(of: query, limit: page.limit)
    }

    func search(tokens: [String], filter: CustomerFilter, workspaceID: String, page: PageRequest) async throws -> Page<Customer> {
        let rows = try await handle.dialect.customerSearchRows(
            tokens: tokens, filter: filter, workspaceID: workspaceID, page: page, on: handle)
        return Page(items: try await assemble(Array(rows.prefix(page.limit))), hasMore: rows.count > page.limit)
    }

    func purge(deletedBefore cutoff: Date) async throws -> Int {
        let cutoffValue = Timestamp.microseconds(cutoff)
        let ids = try await handle.sql.raw("""
            SELECT id FROM customers WHERE deleted_at IS NOT NULL AND deleted_at < \(bind: cutoffValue) AND erased_at IS NULL
            """).all().map { try $0.string("id") }
        guard !ids.isEmpty else { return 0 }
        for chunk in ids.slices(of: Self.lookupChunk) {
            try await handle.sql.raw("DELETE FROM customers WHERE id IN (\(binds: chunk))").run()
            // Suggestions that name a customer gone for good have nothing left to suggest.
            try await handle.sql.raw("""
                DELETE FROM merge_suggestions WHERE customer_id IN (\(binds: chunk)) OR candidate_id IN (\(binds: chunk))
                """).run()
        }
        return ids.count
    }

    /// Runs a query that asked for `limit + 1` rows and makes the page of it.
    private func page(of query: SQLQueryString, limit: Int) async throws -> Page<Customer> {
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try await assemble(Array(rows.prefix(limit))), hasMore: rows.count > limit)
    }

    /// Customers from their rows, with identities loaded in one query, in the rows' order.
    private func assemble(_ rows: [any SQLRow]) async throws -> [Customer] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.string("id") }
        let identityRows = try await handle.sql.raw("""
            SELECT * FROM customer_identities WHERE customer_id IN (\(binds: ids)) ORDER BY created_at, id
            """).all()
        var identities: [String: [Identity]] = [:]
        for row in identityRows {
            guard let kind = IdentityKind(rawValue: try row.string("kind")) else { continue }
            identities[try row.string("customer_id"), default: []].append(Identity(
                id: try row.string("id"), kind: kind, value: try row.string("value"),
                source: try row.optionalString("source"), createdAt: try row.date("created_at"),
                provenance: Self.provenance(try row.optionalString("provenance"))))
        }
        return try rows.map { row in try customer(from: row, identities: identities[try row.string("id")] ?? []) }
    }

    private func customer(from row: any SQLRow, identities: [Identity]) throws -> Customer {
        let id = try row.string("id")
        let profile = CustomerProfile(
            firstName: try row.optionalString("first_name"), lastName: try row.optionalString("last_name"),
            locale: try row.optionalString("locale"), timezone: try row.optionalString("timezone"),
            notes: try row.optionalString("notes"),
            addresses: try StoredJSON.decodeList([Address].self, from: try row.string("addresses")),
            tags: try StoredJSON.decodeList([String].self, from: try row.string("tags")),
            attributes: try StoredJSON.decodeAttributes(from: try row.string("attributes")))
        return Customer(
            id: id, workspaceID: try row.string("workspace_id"), profile: profile, identities: identities,
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), mergedIntoID: try row.optionalString("merged_into_id"))
    }

    private func customerCells(_ customer: Customer) -> [SQLCell] {
        let profile = customer.profile
        return [
            .text(customer.id), .text(customer.workspaceID), .text(profile.firstName), .text(profile.lastName),
            .text(profile.locale), .text(profile.timezone), .text(profile.notes),
            .text(StoredJSON.addresses(profile.addresses)), .text(StoredJSON.tags(profile.tags)),
            .text(StoredJSON.attributes(profile.attributes)),
            .text(CustomerSearchDocument.make(profile: profile, identities: customer.identities)),
            .integer(Timestamp.microseconds(customer.createdAt)), .integer(Timestamp.microseconds(customer.updatedAt)),
            .integer(customer.deletedAt.map(Timestamp.microseconds)), .text(customer.mergedIntoID),
        ]
    }

    private static func identityCells(_ identity: Identity, customerID: String, workspaceID: String) -> [SQLCell] {
        [
            .text(identity.id), .text(workspaceID), .text(customerID), .text(identity.kind.rawValue),
            .text(identity.key.namespace), .text(identity.value), .text(identity.source),
            .integer(Timestamp.microseconds(identity.createdAt)), .text(identity.provenance.rawValue),
        ]
    }

    /// A stored provenance; anything unreadable counts as merely asserted.
    private static func provenance(_ stored: String?) -> IdentityProvenance {
        stored.flatMap(IdentityProvenance.init(rawValue:)) ?? .asserted
    }
}
