import Foundation

extension CustomerService {
    /// Merges `fromCustomerID` into `customerID` by hand.
    public func merge(into customerID: String, from fromCustomerID: String, as actor: Actor) async throws -> MergeRecord {
        try actor.require(.mergeCustomers)
        let workspaceID = actor.workspaceID
        guard customerID != fromCustomerID else {
            throw RapportError.invalid(field: "from_customer_id", "must name another customer than the one merged into")
        }
        return try await context.write { transaction in
            let session = transaction.session
            let survivor = try await liveForWrite(id: customerID, workspaceID: workspaceID, session: session)
            let absorbed: Customer
            do {
                absorbed = try await liveCustomer(id: fromCustomerID, workspaceID: workspaceID, session: session)
            } catch RapportError.notFound(let message) {
                throw RapportError.invalid(field: "from_customer_id", message)
            } catch RapportError.mergedInto(let other) {
                throw RapportError.conflict("Customer \(fromCustomerID) was already merged into \(other).")
            }
            let outcome = try await merge(
                survivor: survivor, absorbed: absorbed, actor: actor.label, reason: "merged by hand", session: session)
            try await transaction.record(outcome.change)
            for (subject, role) in [(survivor.id, "survivor"), (absorbed.id, "merged")] {
                try await transaction.audit(
                    AuditRecord(.customerMerged, subject: .customer(subject), details: ["merge_id": outcome.record.id, "role": role]), by: actor)
            }
            return outcome.record
        }
    }

    /// Moves everything of `absorbed` onto `survivor` and records how to undo it.
    func merge(
        survivor: Customer, absorbed: Customer, actor: String, reason: String, session: any StoreSession
    ) async throws -> MergeOutcome {
        let now = clock.now()
        let profile = CustomerSurvivorship.merged(survivor: survivor, absorbed: absorbed)
        let record = MergeRecord(
            id: ResourceID.make(.merge, at: now), workspaceID: survivor.workspaceID, survivorID: survivor.id,
            mergedID: absorbed.id, actor: actor, reason: reason, survivorBefore: CustomerSnapshot(survivor),
            mergedBefore: CustomerSnapshot(absorbed), survivorAfter: profile, createdAt: now)
        try await session.merges.insert(record)
        try await session.customers.moveIdentities(
            ids: absorbed.identities.map(\.id), to: survivor.id, workspaceID: survivor.workspaceID)
        try await session.interactions.moveAll(
            from: absorbed.id, to: survivor.id, mergeID: record.id, workspaceID: survivor.workspaceID)
        // Points moved with their entries; both balances are summed again from the ledger.
        try await session.loyalty.rebuildBalances(customerIDs: [survivor.id, absorbed.id], workspaceID: survivor.workspaceID)
        var gone = absorbed
        gone.identities = []
        gone.mergedIntoID = survivor.id
        gone.updatedAt = now
        try await session.customers.update(gone)
        var merged = survivor
        merged.profile = profile
        merged.identities += absorbed.identities
        merged.updatedAt = now
        try await session.customers.update(merged)
        try await session.merges.resolveSuggestions(between: survivor.id, and: absorbed.id, workspaceID: survivor.workspaceID)
        let payload = MergeEventPayload(
            mergeID: record.id, survivorID: survivor.id, mergedID: absorbed.id, actor: actor, reason: reason)
        return MergeOutcome(
            survivor: merged, record: record,
            change: CustomerChange(.merged(payload), merged))
    }

    /// Undoes a merge into `customerID`: the given one, or the most recent one not yet undone.
    /// The absorbed customer comes back as it was; what reached the survivor since stays there.
    public func unmerge(customerID: String, mergeID: String?, as actor: Actor) async throws -> MergeRecord {
        try actor.require(.mergeCustomers)
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            var survivor = try await liveForWrite(id: customerID, workspaceID: workspaceID, session: session)
            let record: MergeRecord
            if let mergeID {
                guard let found = try await session.merges.find(id: mergeID, workspaceID: workspaceID),
                    found.survivorID == customerID
                else {
                    throw RapportError.invalid(field: "merge_id", "\(mergeID) is not a merge into \(customerID)")
                }
                guard found.undoneAt == nil else { throw RapportError.conflict("Merge \(mergeID) was already undone.") }
                record = found
            } else {
                guard let latest = try await session.merges.merges(into: customerID, workspaceID: workspaceID)
                    .first(where: { $0.undoneAt == nil })
                else { throw RapportError.conflict("Customer \(customerID) has no merge to undo.") }
                record = latest
            }
            guard var absorbed = try await session.customers.find(id: record.mergedID, workspaceID: workspaceID),
                absorbed.mergedIntoID == customerID
            else {
                throw RapportError.conflict("Customer \(record.mergedID) is no longer merged into \(customerID).")
            }
            let now = clock.now()
            let onSurvivor = Set(survivor.identities.map(\.id))
            let movingBack = record.mergedBefore.identities.filter { onSurvivor.contains($0.id) }
            try await session.customers.moveIdentities(
                ids: movingBack.map(\.id), to: absorbed.id, workspaceID: workspaceID)
            // Identities removed from the survivor since the merge come back too, if still free.
            let missing = record.mergedBefore.identities.filter { !onSurvivor.contains($0.id) }
            let taken = try await session.customers.owners(of: missing.map(\.key), workspaceID: workspaceID)
            let readded = missing.filter { taken[$0.key] == nil }
            try await session.customers.addIdentities(readded, customerID: absorbed.id, workspaceID: workspaceID)
            try await session.interactions.moveBack(mergeID: record.id, to: absorbed.id, workspaceID: workspaceID)
            try await session.loyalty.rebuildBalances(customerIDs: [survivor.id, absorbed.id], workspaceID: workspaceID)

            absorbed.profile = record.mergedBefore.profile
            absorbed.identities = movingBack + readded
            absorbed.mergedIntoID = nil
            absorbed.updatedAt = now
            try await session.customers.update(absorbed)
            let movedIDs = Set(movingBack.map(\.id))
            survivor.identities.removeAll { movedIDs.contains($0.id) }
            survivor.profile = CustomerSurvivorship.restored(
                current: survivor.profile, before: record.survivorBefore.profile, after: record.survivorAfter)
            survivor.updatedAt = now
            try await session.customers.update(survivor)
            try await session.merges.markUndone(id: record.id, at: now)
            let payload = MergeEventPayload(
                mergeID: record.id, survivorID: survivor.id, mergedID: absorbed.id, actor: actor.label, reason: "unmerged")
            try await transaction.record(CustomerChange(.unmerged(payload), survivor))
            for (subject, role) in [(survivor.id, "survivor"), (absorbed.id, "merged")] {
                try await transaction.audit(
                    AuditRecord(.customerUnmerged, subject: .customer(subject), details: ["merge_id": record.id, "role": role]), by: actor)
            }
            var undone = record
            undone.undoneAt = now
            return undone
        }
    }

    /// Merges into `customerID`, newest first.
    public func merges(customerID: String, as actor: Actor) async throws -> [MergeRecord] {
        try await store.read { session in
            guard try await session.customers.find(id: customerID, workspaceID: actor.workspaceID) != nil else {
                throw RapportError.notFound("No customer with id \(customerID).")
            }
            return try await session.merges.merges(into: customerID, workspaceID: actor.workspaceID)
        }
    }

    public func mergeSuggestions(page: PageRequest, as actor: Actor) async throws -> Page<MergeSuggestion> {
        try await store.read { session in try await session.merges.suggestions(workspaceID: actor.workspaceID, page: page) }
    }

    /// A live customer to change; a merged-away id is a conflict that names the survivor.
    func liveForWrite(id: String, workspaceID: String, session: any StoreSession) async throws -> Customer {
        do {
            return try await liveCustomer(id: id, workspaceID: workspaceID, session: session)
        } catch RapportError.mergedInto(let survivor) {
            throw RapportError.conflict("Customer \(id) was merged into \(survivor); make the change there.")
        }
    }
}
