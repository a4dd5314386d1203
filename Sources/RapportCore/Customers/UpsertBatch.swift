import Foundation

/// The working state of upserts inside one transaction. New customers are collected and
/// inserted together (one multi-row insert or COPY per table), which is what makes bulk
/// imports fast; an input that touches stored customers flushes them first and then goes the
/// careful way: load, merge by policy and provenance, update.
///
/// Provenance decides what an input may do to the customers it names:
/// - a *proven* input merges customers only through links that are proven on both sides,
///   turns an asserted link to the customer it lands on into a proven one, and takes an
///   identity away from a customer who merely asserted it (leaving a merge suggestion);
///   named only through assertions, it adopts a profile that holds no proof, or starts a
///   new customer;
/// - an *asserted* input never changes, merges or adds to a customer who holds proof: it
///   lands on a profile built from assertions (or a new one) and leaves a merge suggestion
///   for each customer with proof it named.
struct UpsertBatch {
    let service: CustomerService
    let transaction: WriteTransaction
    var session: any StoreSession { transaction.session }
    let workspaceID: String
    let actor: String

    private var owners: [IdentityKey: IdentityOwner] = [:]
    private var pending: [String: Customer] = [:]
    private var pendingOrder: [String] = []
    private var changes: [any DomainChange] = []
    private var events: [DomainEvent] = []

    init(service: CustomerService, transaction: WriteTransaction, workspaceID: String, actor: String) {
        self.service = service
        self.transaction = transaction
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
        try await transaction.record(changes, prebuilt: events)
        return outcomes
    }

    private mutating func upsert(_ original: PreparedUpsert) async throws -> UpsertOutcome {
        let now = service.clock.now()
        var input = original
        // Only proof takes an identity back from a deleted customer; an assertion leaves it
        // there and goes on without it (or, naming nothing else, changes nothing).
        if input.provenance == .asserted {
            let held = input.identities.compactMap { identity in owners[identity.key].flatMap { $0.isDeleted ? $0.customerID : nil } }
            if !held.isEmpty {
                input.identities.removeAll { owners[$0.key]?.isDeleted == true }
                if input.identities.isEmpty, let deleted = try await session.customers.find(id: held[0], workspaceID: workspaceID) {
                    return UpsertOutcome(customer: deleted, created: false)
                }
            }
        }
        let reclaimed = try await reclaimFromDeleted(input)
        var ownerIDs: [String] = []
        for identity in input.identities {
            guard let owner = owners[identity.key] else { continue }
            if !ownerIDs.contains(owner.customerID) { ownerIDs.append(owner.customerID) }
        }
        var outcome = try await place(input, ownerIDs: ownerIDs, at: now)
        for (identity, deletedID) in reclaimed {
            try await suggest(outcome.customer.id, with: deletedID, on: identity, at: now,
                reason: "\(identity.kind.rawValue) \(identity.value) belonged to \(deletedID), deleted; it came back and is kept here")
            outcome.suggestionCount += 1
            outcome.takenIdentityCount += 1
        }
        return outcome
    }

    /// Identities a proven input names that belong to a soft-deleted customer: someone deleted
    /// comes back (a new order, a message). Nothing acknowledged may be lost, and the deleted record
    /// must not be revived behind the back of whoever deleted it, so the identity leaves the
    /// deleted customer (a restore brings the rest back) and the input lands on a live one,
    /// with a merge suggestion naming the deleted customer.
    private mutating func reclaimFromDeleted(_ input: PreparedUpsert) async throws -> [(NormalizedIdentity, String)] {
        var reclaimed: [(NormalizedIdentity, String)] = []
        guard input.provenance == .proven else { return [] }
        for identity in input.identities {
            guard let owner = owners[identity.key], owner.isDeleted, let identityID = owner.identityID else { continue }
            try await session.customers.removeIdentity(id: identityID, workspaceID: workspaceID)
            owners[identity.key] = nil
            reclaimed.append((identity, owner.customerID))
        }
        return reclaimed
    }

    private mutating func place(_ input: PreparedUpsert, ownerIDs: [String], at now: Date) async throws -> UpsertOutcome {
        if ownerIDs.isEmpty {
            let customer = newCustomer(input, at: now)
            pending[customer.id] = customer
            pendingOrder.append(customer.id)
            claim(input.identities, for: customer.id, provenance: input.provenance)
            return UpsertOutcome(customer: customer, created: true)
        }
        if ownerIDs.count == 1, var customer = pending[ownerIDs[0]], fits(input, pending: customer) {
            customer.profile = input.apply(to: customer.profile)
            customer.identities += makeIdentities(input.identities.filter { owners[$0.key] == nil }, provenance: input.provenance, at: now)
            customer.updatedAt = now
            pending[customer.id] = customer
            claim(input.identities, for: customer.id, provenance: input.provenance)
            return UpsertOutcome(customer: customer, created: false)
        }
        try await flushPending()
        let found = try await session.customers.find(ids: ownerIDs, workspaceID: workspaceID)
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        // Between looking up the owners and locking the customers another transaction may have
        // merged or deleted one of them: start over and see what it left.
        if found.count != ownerIDs.count || found.contains(where: { $0.mergedIntoID != nil || $0.deletedAt != nil }) {
            throw StoreConflict()
        }
        switch input.provenance {
        case .proven: return try await resolveProven(input, found: found, at: now)
        case .asserted: return try await resolveAsserted(input, found: found, at: now)
        }
    }

    /// A customer created earlier in this batch takes an input on the quick path when nothing
    /// about proof is at stake: a proven input naming it only through proven links, or an
    /// asserted input naming a profile that holds no proof.
    private func fits(_ input: PreparedUpsert, pending customer: Customer) -> Bool {
        switch input.provenance {
        case .proven: input.identities.allSatisfy { owners[$0.key].map { $0.provenance == .proven } ?? true }
        case .asserted: !customer.holdsProof
        }
    }

    // MARK: Proven input

    private mutating func resolveProven(_ input: PreparedUpsert, found: [Customer], at now: Date) async throws -> UpsertOutcome {
        func provenLinks(_ customer: Customer) -> [NormalizedIdentity] {
            input.identities.filter { owners[$0.key].map { $0.customerID == customer.id && $0.provenance == .proven } ?? false }
        }
        func isStronglyNamed(_ customer: Customer) -> Bool {
            provenLinks(customer).contains { service.policy.mergesAutomatically(on: $0.kind) }
        }
        let named = found.filter { !provenLinks($0).isEmpty }
        var outcome = UpsertOutcome(customer: found[0], created: false)
        if let first = named.first(where: isStronglyNamed) ?? named.first {
            outcome.customer = first
            for other in named where other.id != first.id {
                let otherLinks = provenLinks(other)
                if let trusted = otherLinks.first(where: { service.policy.mergesAutomatically(on: $0.kind) }),
                    isStronglyNamed(outcome.customer)
                {
                    let reason = "one write named \(trusted.kind.rawValue) \(trusted.value) together with identities of \(outcome.customer.id)"
                    try await absorb(other, into: &outcome, reason: reason)
                } else if let weak = otherLinks.first {
                    try await suggest(outcome.customer.id, with: other.id, on: weak, at: now,
                        reason: "\(weak.kind.rawValue) \(weak.value) was named together with identities of \(outcome.customer.id)")
                    outcome.suggestionCount += 1
                }
            }
        } else if let profile = found.first(where: { !$0.holdsProof }) {
            // Named only through assertions: the proof adopts the oldest profile that holds none.
            outcome.customer = profile
        } else {
            // Every customer named holds proof of its own, and names this input only by
            // assertion: the proof starts a customer of its own.
            let customer = newCustomer(PreparedUpsert(identities: [], input: CustomerInput(identities: []), tags: [], provenance: .proven), at: now)
            try await session.customers.insert([customer])
            record(CustomerChange(.created, customer))
            outcome = UpsertOutcome(customer: customer, created: true)
        }
        let took = try await takeAssertedIdentities(input, outcome: &outcome, found: found, at: now)
        let added = try await addNewIdentities(input, to: &outcome.customer)
        try await finish(input, customer: &outcome.customer, identitiesChanged: took || added, at: now)
        return outcome
    }

    /// Identities this proven input names that the survivor does not yet hold by proof: its
    /// own asserted links become proven; another customer's merely asserted one moves to the
    /// survivor, and the two are suggested for a merge. True when the survivor's identities changed.
    private mutating func takeAssertedIdentities(
        _ input: PreparedUpsert, outcome: inout UpsertOutcome, found: [Customer], at now: Date
    ) async throws -> Bool {
        var proven: [String] = []
        var losers: [String: Customer] = [:]
        for identity in input.identities {
            guard let owner = owners[identity.key], owner.provenance == .asserted else { continue }
            if owner.customerID == outcome.customer.id {
                guard let index = outcome.customer.identities.firstIndex(where: { $0.key == identity.key }) else { continue }
                outcome.customer.identities[index].provenance = .proven
                proven.append(outcome.customer.identities[index].id)
            } else {
                guard var loser = losers[owner.customerID] ?? found.first(where: { $0.id == owner.customerID }),
                    let index = loser.identities.firstIndex(where: { $0.key == identity.key })
                else { continue }
                var taken = loser.identities.remove(at: index)
                losers[loser.id] = loser
                try await session.customers.moveIdentities(ids: [taken.id], to: outcome.customer.id, workspaceID: workspaceID)
                taken.provenance = .proven
                outcome.customer.identities.append(taken)
                proven.append(taken.id)
                outcome.takenIdentityCount += 1
                try await suggest(outcome.customer.id, with: loser.id, on: identity, at: now,
                    reason: "proof gave \(identity.kind.rawValue) \(identity.value) to \(outcome.customer.id); \(loser.id) had only asserted it")
                outcome.suggestionCount += 1
            }
            owners[identity.key] = IdentityOwner(customerID: outcome.customer.id, isDeleted: false, provenance: .proven)
        }
        guard !proven.isEmpty else { return false }
        try await session.customers.markProven(identityIDs: proven, workspaceID: workspaceID)
        for var loser in losers.values {
            loser.updatedAt = now
            try await session.customers.update(loser)
            record(CustomerChange(.updated, loser))
        }
        return true
    }

    // MARK: Asserted input

    private mutating func resolveAsserted(_ input: PreparedUpsert, found: [Customer], at now: Date) async throws -> UpsertOutcome {
        func links(_ customer: Customer) -> [NormalizedIdentity] {
            input.identities.filter { owners[$0.key]?.customerID == customer.id }
        }
        func isStronglyNamed(_ customer: Customer) -> Bool {
            links(customer).contains { service.policy.mergesAutomatically(on: $0.kind) }
        }
        let profiles = found.filter { !$0.holdsProof }
        var outcome: UpsertOutcome
        if let first = profiles.first(where: isStronglyNamed) ?? profiles.first {
            outcome = UpsertOutcome(customer: first, created: false)
            // Profiles built from assertions alone may merge with each other as before.
            for other in profiles where other.id != first.id {
                if let trusted = links(other).first(where: { service.policy.mergesAutomatically(on: $0.kind) }),
                    isStronglyNamed(outcome.customer)
                {
                    let reason = "one write named \(trusted.kind.rawValue) \(trusted.value) together with identities of \(outcome.customer.id)"
                    try await absorb(other, into: &outcome, reason: reason)
                } else if let weak = links(other).first {
                    try await suggest(outcome.customer.id, with: other.id, on: weak, at: now,
                        reason: "\(weak.kind.rawValue) \(weak.value) was named together with identities of \(outcome.customer.id)")
                    outcome.suggestionCount += 1
                }
            }
        } else if input.identities.allSatisfy({ owners[$0.key] != nil }) {
            // Nothing new to keep, and every customer named holds proof: nothing changes.
            return UpsertOutcome(customer: found[0], created: false)
        } else {
            let customer = newCustomer(PreparedUpsert(identities: [], input: CustomerInput(identities: []), tags: [], provenance: .asserted), at: now)
            try await session.customers.insert([customer])
            record(CustomerChange(.created, customer))
            outcome = UpsertOutcome(customer: customer, created: true)
        }
        // A customer who holds proof is never changed by an assertion: a person decides.
        for known in found where known.holdsProof {
            guard let link = links(known).first else { continue }
            try await suggest(known.id, with: outcome.customer.id, on: link, at: now,
                reason: "\(link.kind.rawValue) \(link.value) was asserted (not proven) together with identities of \(outcome.customer.id)")
            outcome.suggestionCount += 1
        }
        let added = try await addNewIdentities(input, to: &outcome.customer)
        try await finish(input, customer: &outcome.customer, identitiesChanged: added, at: now)
        return outcome
    }

    // MARK: Shared steps

    private mutating func absorb(_ other: Customer, into outcome: inout UpsertOutcome, reason: String) async throws {
        let merge = try await service.merge(survivor: outcome.customer, absorbed: other, actor: actor, reason: reason, session: session)
        outcome.customer = merge.survivor
        outcome.mergeIDs.append(merge.record.id)
        record(merge.change)
        for (key, owner) in owners where owner.customerID == other.id {
            owners[key]?.customerID = outcome.customer.id
        }
    }

    private func suggest(_ customerID: String, with candidateID: String, on identity: NormalizedIdentity, at now: Date, reason: String) async throws {
        try await session.merges.suggest(MergeSuggestion(
            id: ResourceID.make(.mergeSuggestion, at: now), workspaceID: workspaceID, customerID: customerID,
            candidateID: candidateID, identityKind: identity.kind, identityValue: identity.value, reason: reason, createdAt: now))
    }

    /// Adds the identities nobody holds yet, with the input's provenance; true when there were any.
    private mutating func addNewIdentities(_ input: PreparedUpsert, to customer: inout Customer) async throws -> Bool {
        let unowned = input.identities.filter { owners[$0.key] == nil }
        let added = makeIdentities(unowned, provenance: input.provenance, at: service.clock.now())
        guard !added.isEmpty else { return false }
        try await session.customers.addIdentities(added, customerID: customer.id, workspaceID: workspaceID)
        customer.identities += added
        claim(unowned, for: customer.id, provenance: input.provenance)
        for identity in added {
            record(CustomerChange(.identityAdded(identity), customer))
        }
        return true
    }

    /// Applies the input's profile fields and writes the customer once if anything changed.
    private mutating func finish(_ input: PreparedUpsert, customer: inout Customer, identitiesChanged: Bool, at now: Date) async throws {
        let profile = input.apply(to: customer.profile)
        guard profile != customer.profile || identitiesChanged else { return }
        customer.profile = profile
        customer.updatedAt = now
        try await session.customers.update(customer)
        record(CustomerChange(.updated, customer))
    }

    /// Adds a change and its event, recorded together at the end of the run.
    private mutating func record(_ change: CustomerChange) {
        changes.append(change)
        events.append(service.context.event(change))
    }

    private mutating func flushPending() async throws {
        guard !pendingOrder.isEmpty else { return }
        let customers = pendingOrder.compactMap { pending[$0] }
        // The events' JSON is built on another core while the database inserts the customers:
        // inside the transaction, that overlap is what import throughput depends on.
        let service = self.service
        let created = customers.map { CustomerChange(.created, $0) }
        async let createdEvents = created.map(service.context.event)
        try await session.customers.insert(customers)
        changes += created as [any DomainChange]
        events += await createdEvents
        pending.removeAll(keepingCapacity: true)
        pendingOrder.removeAll(keepingCapacity: true)
    }

    private func newCustomer(_ input: PreparedUpsert, at now: Date) -> Customer {
        Customer(
            id: ResourceID.make(.customer, at: now), workspaceID: workspaceID, profile: input.apply(to: CustomerProfile()),
            identities: makeIdentities(input.identities, provenance: input.provenance, at: now), createdAt: now, updatedAt: now)
    }

    private mutating func claim(_ identities: [NormalizedIdentity], for customerID: String, provenance: IdentityProvenance) {
        for identity in identities where owners[identity.key] == nil {
            owners[identity.key] = IdentityOwner(customerID: customerID, isDeleted: false, provenance: provenance)
        }
    }

    private func makeIdentities(_ identities: [NormalizedIdentity], provenance: IdentityProvenance, at now: Date) -> [Identity] {
        identities.map {
            Identity(
                id: ResourceID.make(.identity, at: now), kind: $0.kind, value: $0.value, source: $0.source, createdAt: now,
                provenance: provenance)
        }
    }
}
