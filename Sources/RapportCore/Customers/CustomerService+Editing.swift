import Foundation

extension CustomerService {
    /// Applies a partial update to the profile.
    public func patch(id: String, _ patch: CustomerPatch, as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        let tags: [String]? = try patch.tags.map { given in
            try ProfileRules.canonicalTags(given, field: "tags").get()
        }
        var canonical = patch
        canonical.tags = tags
        let change = canonical
        return try await modify(id: id, actor: actor, changing: "profile") { profile in
            profile = change.applied(to: profile)
        }
    }

    public func addTags(id: String, _ tags: [String], as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        let canonical = try ProfileRules.canonicalTags(tags, field: "tags").get()
        return try await modify(id: id, actor: actor, changing: "tags") { profile in
            profile.tags = Array(Set(profile.tags).union(canonical)).sorted()
        }
    }

    public func removeTag(id: String, _ tag: String, as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        let canonical = ProfileRules.canonicalTag(tag)
        return try await modify(id: id, actor: actor, changing: "tags") { profile in
            profile.tags.removeAll { $0 == canonical }
        }
    }

    public func setAttribute(id: String, key: String, value: AttributeValue?, as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        guard ProfileRules.isAttributeKey(key) else {
            throw RapportError.invalid(field: "key", "keys are 1 to 64 characters of a-z, 0-9 and _, starting with a letter")
        }
        return try await modify(id: id, actor: actor, changing: "attributes") { profile in
            profile.attributes[key] = value
        }
    }

    /// Loads a live customer, lets `change` edit its profile, validates, and writes it with a
    /// `customer.updated` event and an audit entry naming what was changed, if anything was.
    func modify(
        id: String, actor: Actor, changing what: String, _ change: @Sendable (inout CustomerProfile) -> Void
    ) async throws -> Customer {
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            var customer = try await liveForWrite(id: id, workspaceID: workspaceID, session: session)
            var profile = customer.profile
            change(&profile)
            let problems = ProfileRules.problems(in: profile)
            guard problems.isEmpty else { throw RapportError.invalid(problems) }
            guard profile != customer.profile else { return customer }
            customer.profile = profile
            customer.updatedAt = clock.now()
            try await session.customers.update(customer)
            try await transaction.record(CustomerChange(.updated, customer))
            try await transaction.audit(AuditRecord(.customerUpdated, subject: .customer(id), details: ["changed": what]), by: actor)
            return customer
        }
    }

    /// Soft-deletes: the customer disappears from lists and views and can be restored for 30 days.
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.deleteCustomers)
        let workspaceID = actor.workspaceID
        try await context.write { transaction in
            let session = transaction.session
            var customer = try await liveForWrite(id: id, workspaceID: workspaceID, session: session)
            let now = clock.now()
            customer.deletedAt = now
            customer.updatedAt = now
            try await session.customers.update(customer)
            try await transaction.record(CustomerChange(.deleted, customer))
            try await transaction.audit(AuditRecord(.customerDeleted, subject: .customer(id)), by: actor)
        }
    }

    public func restore(id: String, as actor: Actor) async throws -> Customer {
        try actor.require(.deleteCustomers)
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            var customer = try await liveOrDeletedCustomer(id: id, workspaceID: workspaceID, session: session)
            guard let deletedAt = customer.deletedAt else { return customer }
            guard clock.now().timeIntervalSince(deletedAt) <= Self.restoreWindow else {
                throw RapportError.notFound("Customer \(id) was deleted more than 30 days ago and cannot be restored.")
            }
            customer.deletedAt = nil
            customer.updatedAt = clock.now()
            try await session.customers.update(customer)
            try await transaction.record(CustomerChange(.restored, customer))
            try await transaction.audit(AuditRecord(.customerRestored, subject: .customer(id)), by: actor)
            return customer
        }
    }

    /// Deletes for good the customers soft-deleted more than 30 days ago.
    public func purgeExpiredDeletions() async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-Self.restoreWindow)
        return try await store.write { session in try await session.customers.purge(deletedBefore: cutoff) }
    }

    /// Adds one identity. One held by another customer is a conflict: merge the two instead.
    public func addIdentity(id: String, _ input: IdentityInput, as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        let workspaceID = actor.workspaceID
        let identity: NormalizedIdentity
        switch normalizer.normalize(input, field: "") {
        case .success(let value): identity = value
        case .failure(.invalid(let errors)):
            throw RapportError.invalid(errors.map { FieldError(field: String($0.field.drop(while: { $0 == "." })), message: $0.message) })
        case .failure(let other): throw other
        }
        return try await context.write { transaction in
            let session = transaction.session
            var customer = try await liveForWrite(id: id, workspaceID: workspaceID, session: session)
            if let owner = try await session.customers.owners(of: [identity.key], workspaceID: workspaceID)[identity.key] {
                guard owner.customerID == id else {
                    throw RapportError.conflict(
                        "The \(identity.kind.rawValue) \(identity.value) belongs to customer \(owner.customerID); merge the two with POST /api/v1/customers/\(id)/merge.")
                }
                return customer
            }
            let now = clock.now()
            let added = Identity(
                id: ResourceID.make(.identity, at: now), kind: identity.kind, value: identity.value,
                source: identity.source, createdAt: now, provenance: .proven)
            try await session.customers.addIdentities([added], customerID: id, workspaceID: workspaceID)
            customer.identities.append(added)
            customer.updatedAt = now
            try await session.customers.update(customer)
            try await transaction.record(CustomerChange(.identityAdded(added), customer))
            try await transaction.audit(AuditRecord(.customerUpdated, subject: .customer(id), details: ["changed": "identities"]), by: actor)
            return customer
        }
    }

    public func removeIdentity(id: String, identityID: String, as actor: Actor) async throws -> Customer {
        try actor.require(.editCustomers)
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            var customer = try await liveForWrite(id: id, workspaceID: workspaceID, session: session)
            guard let identity = customer.identities.first(where: { $0.id == identityID }) else {
                throw RapportError.notFound("Customer \(id) has no identity \(identityID).")
            }
            try await session.customers.removeIdentity(id: identityID, workspaceID: workspaceID)
            customer.identities.removeAll { $0.id == identityID }
            customer.updatedAt = clock.now()
            try await session.customers.update(customer)
            try await transaction.record(CustomerChange(.identityRemoved(identity), customer))
            try await transaction.audit(AuditRecord(.customerUpdated, subject: .customer(id), details: ["changed": "identities"]), by: actor)
            return customer
        }
    }
}
