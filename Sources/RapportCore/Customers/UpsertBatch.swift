import Foundation

/// The working state of upserts inside one transaction. New customers are collected and
/// inserted together (one multi-row insert or COPY per table), which is what makes bulk
/// imports fast; an input that touches stored customers flushes them first and then goes the
/// careful way: load, merge by policy, update.
struct UpsertBatch {
    let service: CustomerService
    let session: any StoreSession
    let workspaceID: String
    let actor: String

    private var owners: [IdentityKey: IdentityOwner] = [:]
    private var pending: [String: Customer] = [:]
    private var pendingOrder: [String] = []
    private var events: [DomainEvent] = []

    init(service: CustomerService, session: any StoreSession, workspaceID: String, actor: String) {
        self.service = service
        self.session = session
        self.workspaceID = workspaceID
        self.actor = actor
    }

    mutating func run(_ inputs: [PreparedUpsert]) async throws -> [UpsertOutcome] {
        let keys = Array(Set(inputs.flatMap { $0.identities.map(\.key) }))
        owners = try await session.customers.owners(of: keys, workspaceID: workspaceID)
        var outcomes: [UpsertOutcome] = []
        outcomes.reserveCapacity(inputs.count)
        for input in inputs {
            outcomes.append(try await upsert(input))
        }
        try await flushPending()
        try await session.events.append(events)
        return outcomes
    }

    private mutating func upsert(_ input: PreparedUpsert) async throws -> UpsertOutcome {
        var ownerIDs: [String] = []
        for identity in input.identities {
            guard let owner = owners[identity.key] else { continue }
            if owner.isDeleted {
                throw RapportError.conflict(
                    "The \(identity.kind.rawValue) \(identity.value) belongs to deleted customer \(owner.customerID); restore it with POST /api/v1/customers/\(owner.customerID)/restore.")
            }
            if !ownerIDs.contains(owner.customerID) { ownerIDs.append(owner.customerID) }
        }
        let now = service.clock.now()
        if ownerIDs.isEmpty {
            let id = ResourceID.make(.customer, at: now)
            let customer = Customer(
                id: id, workspaceID: workspaceID, profile: input.apply(to: CustomerProfile()),
                identities: makeIdentities(input.identities, at: now), createdAt: now, updatedAt: now)
            pending[id] = customer
            pendingOrder.append(id)
            claim(input.identities, for: id)
            return UpsertOutcome(customer: customer, created: true)
        }
        if ownerIDs.count == 1, var customer = pending[ownerIDs[0]] {
            customer.profile = input.apply(to: customer.profile)
            customer.identities += makeIdentities(input.identities.filter { owners[$0.key] == nil }, at: now)
            customer.updatedAt = now
            pending[customer.id] = customer
            claim(input.identities, for: customer.id)
            return UpsertOutcome(customer: customer, created: false)
        }
        try await flushPending()
        return try await resolve(input, ownerIDs: ownerIDs, at: now)
    }

    /// The careful path: the input names stored customers, maybe several. Customers named by
    /// an identity the policy trusts merge into the oldest of them; customers named only by
    /// weaker identities get a merge suggestion instead, and keep those identities.
    private mutating func resolve(_ input: PreparedUpsert, ownerIDs: [String], at now: Date) async throws -> UpsertOutcome {
        let found = try await session.customers.find(ids: ownerIDs, workspaceID: workspaceID)
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        // Between looking up the owners and locking the customers another transaction may have
        // merged or deleted one of them: start over and see what it left.
        if found.count != ownerIDs.count || found.contains(where: { $0.mergedIntoID != nil || $0.deletedAt != nil }) {
            throw StoreConflict()
        }
        func linking(_ customer: Customer) -> [NormalizedIdentity] {
            input.identities.filter { owners[$0.key]?.customerID == customer.id }
        }
        func isStronglyNamed(_ customer: Customer) -> Bool {
            linking(customer).contains { service.policy.mergesAutomatically(on: $0.kind) }
        }
        let strong = found.filter(isStronglyNamed)
        guard var survivor = strong.first ?? found.first else {
            throw RapportError.conflict("The customers these identities belong to changed during the request; retry it.")
        }
        var mergeIDs: [String] = []
        var suggestionCount = 0
        for other in found where other.id != survivor.id {
            let otherLinks = linking(other)
            if let trusted = otherLinks.first(where: { service.policy.mergesAutomatically(on: $0.kind) }),
                isStronglyNamed(survivor)
            {
                let reason = "one write named \(trusted.kind.rawValue) \(trusted.value) together with identities of \(survivor.id)"
                let merge = try await service.merge(
                    survivor: survivor, absorbed: other, actor: actor, reason: reason, session: session)
                survivor = merge.survivor
                mergeIDs.append(merge.record.id)
                events.append(merge.event)
                for (key, owner) in owners where owner.customerID == other.id {
                    owners[key] = IdentityOwner(customerID: survivor.id, isDeleted: false)
                }
            } else if let weak = otherLinks.first {
                try await session.merges.suggest(MergeSuggestion(
                    id: ResourceID.make(.mergeSuggestion, at: now), workspaceID: workspaceID,
                    customerID: survivor.id, candidateID: other.id, identityKind: weak.kind,
                    identityValue: weak.value,
                    reason: "\(weak.kind.rawValue) \(weak.value) was named together with identities of \(survivor.id)",
                    createdAt: now))
                suggestionCount += 1
            }
        }
        let newIdentities = makeIdentities(input.identities.filter { owners[$0.key] == nil }, at: now)
        if !newIdentities.isEmpty {
            try await session.customers.addIdentities(newIdentities, customerID: survivor.id, workspaceID: workspaceID)
            survivor.identities += newIdentities
            claim(input.identities.filter { owners[$0.key] == nil }, for: survivor.id)
            for identity in newIdentities {
                events.append(service.event(.customerIdentityAdded, subject: survivor.id, workspaceID: workspaceID, payload: identity))
            }
        }
        let profile = input.apply(to: survivor.profile)
        if profile != survivor.profile || !newIdentities.isEmpty {
            survivor.profile = profile
            survivor.updatedAt = now
            try await session.customers.update(survivor)
            events.append(service.event(.customerUpdated, subject: survivor.id, workspaceID: workspaceID, customer: survivor))
        }
        return UpsertOutcome(customer: survivor, created: false, mergeIDs: mergeIDs, suggestionCount: suggestionCount)
    }

    private mutating func flushPending() async throws {
        guard !pendingOrder.isEmpty else { return }
        let customers = pendingOrder.compactMap { pending[$0] }
        // The events' JSON is built on another core while the database inserts the customers:
        // inside the transaction, that overlap is what import throughput depends on.
        let (service, workspaceID) = (self.service, self.workspaceID)
        async let created = customers.map {
            service.event(.customerCreated, subject: $0.id, workspaceID: workspaceID, customer: $0)
        }
        try await session.customers.insert(customers)
        events += await created
        pending.removeAll(keepingCapacity: true)
        pendingOrder.removeAll(keepingCapacity: true)
    }

    private mutating func claim(_ identities: [NormalizedIdentity], for customerID: String) {
        for identity in identities where owners[identity.key] == nil {
            owners[identity.key] = IdentityOwner(customerID: customerID, isDeleted: false)
        }
    }

    private func makeIdentities(_ identities: [NormalizedIdentity], at now: Date) -> [Identity] {
        identities.map {
            Identity(id: ResourceID.make(.identity, at: now), kind: $0.kind, value: $0.value, source: $0.source, createdAt: now)
        }
    }
}
