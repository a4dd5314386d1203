import Foundation

/// Connected shops and what their webhooks report. A delivery is applied once: its id is
/// recorded in the same transaction as its effect, so a shop's retry changes nothing.
public struct SourceService: Sendable {
    private let commerce: CommerceService
    private var customers: CustomerService { commerce.customers }
    private var context: CoreContext { customers.context }

    public init(commerce: CommerceService) {
        self.commerce = commerce
    }

    /// Connects a shop. Only an admin may: whoever holds the secret can write orders for anyone.
    public func create(kind: SourceKind, name: String?, secret: String, as actor: Actor) async throws -> ShopSource {
        try actor.require(.manageSources)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        let trimmedSecret = Self.checkedSecret(secret, problems: &problems)
        let label = (name?.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? kind.rawValue
        problems.text(label, "name", maxLength: 100)
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let now = customers.clock.now()
        let source = ShopSource(
            id: ResourceID.make(.source, at: now), workspaceID: workspaceID, kind: kind, name: label,
            secret: trimmedSecret, createdAt: now)
        try await context.write { transaction in
            let session = transaction.session
            try await session.sources.insert(source)
            try await transaction.record(SourceChange(.created, source))
            try await transaction.audit(AuditRecord(.sourceCreated, subject: .source(source.id), details: ["kind": kind.rawValue]), by: actor)
        }
        return source
    }

    public func sources(as actor: Actor) async throws -> [ShopSource] {
        try actor.require(.manageSources)
        return try await customers.store.read { session in try await session.sources.all(workspaceID: actor.workspaceID) }
    }

    /// Replaces the shop's webhook signing secret (after the shop rotated it, or a leak):
    /// deliveries signed with the old one are refused from now on.
    public func rotateSecret(id: String, secret: String, as actor: Actor) async throws -> ShopSource {
        try actor.require(.manageSources)
        var problems = Problems(prefix: nil)
        let trimmed = Self.checkedSecret(secret, problems: &problems)
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        return try await context.write { transaction in
            let session = transaction.session
            guard var source = try await session.sources.find(id: id), source.workspaceID == actor.workspaceID else {
                throw RapportError.notFound("No shop source with id \(id.prefix(64)).")
            }
            source.secret = trimmed
            try await session.sources.updateSecret(id: id, secret: trimmed)
            try await transaction.record(SourceChange(.secretRotated, source))
            try await transaction.audit(AuditRecord(.sourceSecretRotated, subject: .source(source.id)), by: actor)
            return source
        }
    }

    /// Disconnects a shop: its webhook URL answers 404 from now on. Its orders stay.
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageSources)
        try await context.write { transaction in
            let session = transaction.session
            guard let source = try await session.sources.find(id: id), source.workspaceID == actor.workspaceID else {
                throw RapportError.notFound("No shop source with id \(id.prefix(64)).")
            }
            try await session.sources.delete(id: source.id)
            try await transaction.record(SourceChange(.deleted, source))
            try await transaction.audit(AuditRecord(.sourceDeleted, subject: .source(source.id)), by: actor)
        }
    }

    private static func checkedSecret(_ secret: String, problems: inout Problems) -> String {
        let trimmed = secret.trimmed
        if trimmed.isEmpty || trimmed.count > 500 {
            problems.add("secret", "must be 1 to 500 characters: the shop's webhook signing secret")
        }
        return trimmed
    }

    /// The source a webhook URL names, or nil.
    public func source(id: String) async throws -> ShopSource? {
        try await customers.store.read { session in try await session.sources.find(id: id) }
    }

    /// Applies a verified webhook; returns false when the delivery was handled before.
    public func receive(_ event: ShopEvent, from source: ShopSource, deliveryID: String?) async throws -> Bool {
        let prepared: [PreparedOrder]
        switch event {
        case .order(let input):
            var cleaned = input
            cleaned.source = source.kind.rawValue
            cleaned.customer = cleaned.customer.map(usableIdentities)
            prepared = try commerce.prepare([cleaned])
        default:
            prepared = []
        }
        return try await context.retryingConflicts {
            try await context.write { transaction in
                let session = transaction.session
                if let deliveryID {
                    let delivery = String(deliveryID.prefix(200))
                    guard try await session.sources.recordDelivery(sourceID: source.id, deliveryID: delivery, at: customers.clock.now())
                    else { return false }
                }
                switch event {
                case .order:
                    _ = try await commerce.writeOrders(prepared, workspaceID: source.workspaceID, actor: "source:\(source.id)", transaction: transaction)
                case .refund(let orderID, var refund):
                    refund.source = source.kind.rawValue
                    do {
                        _ = try await commerce.refund(orderExternalID: orderID, refund, workspaceID: source.workspaceID, transaction: transaction)
                    } catch RapportError.notFound {
                        // The order never reached Rapport (it predates the connection): nothing to adjust.
                    }
                case .customer(let input, let consents):
                    if let upsert = try? customers.prepare(usableIdentities(input), field: nil, provenance: .proven) {
                        var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: source.workspaceID, actor: "source:\(source.id)")
                        guard let customer = try await batch.run([upsert]).first?.customer else { break }
                        // The shop's record of consent, in the same transaction; a change the rules refuse is left out.
                        let service = ConsentService(customers: customers)
                        for consent in consents {
                            do {
                                _ = try await service.change(
                                    consent, source: .shop, customerID: customer.id, witness: .none, actor: "source:\(source.id)",
                                    workspaceID: source.workspaceID, in: transaction)
                            } catch RapportError.invalid {
                                // Checked before anything is written: nothing of it was stored.
                            }
                        }
                    }
                case .ignored:
                    break
                }
                return true
            }
        }
    }

    /// The customer with only the identities that normalise: a shop's malformed phone number
    /// must not cost the order. Profile fields Rapport cannot keep are dropped the same way.
    private func usableIdentities(_ input: CustomerInput) -> CustomerInput {
        var cleaned = input
        cleaned.identities = input.identities.filter {
            if case .success = customers.normalizer.normalize($0, field: "identity") { return true }
            return false
        }
        if (try? customers.prepare(cleaned, field: nil, provenance: .proven)) == nil {
            cleaned = CustomerInput(identities: cleaned.identities, firstName: cleaned.firstName, lastName: cleaned.lastName)
        }
        return cleaned
    }
}
