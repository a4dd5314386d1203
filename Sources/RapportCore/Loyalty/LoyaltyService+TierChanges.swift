import Foundation

/// Customers told their tier changed (`loyalty.tier_changed`): "you reached Gold", or that time
/// or a return took them below it. A tier is derived — orders, returns and, over a window, time
/// alone change it — so an hourly sweep compares each customer's tier with the last one told.
extension LoyaltyService {
    /// Announces, for every programme with tiers, each customer with points whose tier is no
    /// longer the one last told (none told: below the first). The first pass over a programme,
    /// and the first after its tiers or what they count changed (`tierSignature`), or after a
    /// replay or rebuild, only notes where everyone stands, telling no one: a new or reshaped
    /// ladder, or history credited at once, is the shop's doing, not the customer's progress. One
    /// pass over the customers with points, `batch` at a time: the changed found outside any
    /// write, then told in a write that reads the programme, their tiers and what they were told
    /// again under their balance rows' locks, so two sweeps at once tell each change once, and a
    /// pass whose ladder changed under it stops. A workspace that fails does not stop the
    /// others; the first failure is thrown once all were swept. Answers how many were told.
    public func announceTierChanges(batch: Int = 2_000) async throws -> Int {
        var told = 0
        var failure: (any Error)?
        for program in try await store.read({ session in try await session.loyalty.programs() }) {
            do {
                told += try await announceTierChanges(of: program, batch: batch)
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return told
    }

    private func announceTierChanges(of program: LoyaltyProgram, batch: Int) async throws -> Int {
        let workspaceID = program.workspaceID
        let baseline = try await store.read { session in try await session.loyalty.tierBaseline(workspaceID: workspaceID) }
        guard !program.tiers.isEmpty else {
            // Tiers removed: when they come back, the first pass notes everyone again.
            if baseline != nil { try await store.write { session in try await session.loyalty.forgetTierBaseline(workspaceID: workspaceID) } }
            return 0
        }
        let signature = program.tierSignature
        let quiet = baseline != signature
        var told = 0
        var ladderChanged = false
        try await eachPageOfMembers(workspaceID: workspaceID, batch: batch) { customers in
            guard !ladderChanged else { return }
            let changed = try await store.read { session in
                try await Self.changedTiers(customers, of: program, at: clock.now(), session: session).map(\.change.state.customerID)
            }
            guard !changed.isEmpty else { return }
            let written: Int? = try await context.write { transaction in
                let session = transaction.session
                try await session.loyalty.lockBalances(customerIDs: changed, workspaceID: workspaceID)
                // Read again under the locks: a return, another sweep, or a change of the ladder
                // that committed meanwhile counts.
                guard try await session.loyalty.program(workspaceID: workspaceID)?.tierSignature == signature else { return nil }
                let changes = try await Self.changedTiers(changed, of: program, at: transaction.now, session: session)
                try await session.loyalty.saveTierStates(changes.map(\.change.state))
                let announced = quiet ? [] : changes.filter(\.announced).map(\.change)
                try await transaction.record(announced.map { $0 as any DomainChange })
                return announced.count
            }
            if let written { told += written } else { ladderChanged = true }
        }
        if quiet, !ladderChanged {
            try await context.write { transaction in
                let session = transaction.session
                try await session.loyalty.lockProgram(workspaceID: workspaceID)
                // Only for the ladder this pass noted: a newer one waits for its own quiet pass.
                guard try await session.loyalty.program(workspaceID: workspaceID)?.tierSignature == signature else { return }
                try await session.loyalty.saveTierBaseline(workspaceID: workspaceID, signature: signature, at: transaction.now)
            }
        }
        return told
    }

    /// The customers among `customerIDs` whose tier differs from the one last told (none told:
    /// below the first), as changes; `announced` false for one whose last tier is no longer on
    /// the ladder (a tier renamed while they were away: the direction cannot be told). Profiles
    /// that hold no points (deleted, erased, merged away) are left out.
    private static func changedTiers(
        _ customerIDs: [String], of program: LoyaltyProgram, at now: Date, session: any StoreSession
    ) async throws -> [(change: LoyaltyTierChange, announced: Bool)] {
        let workspaceID = program.workspaceID
        let states = try await session.loyalty.tierStates(customerIDs: customerIDs, workspaceID: workspaceID)
        let tiers = try await program.heldTiers(customerIDs: customerIDs, workspaceID: workspaceID, session: session, at: now)
        let differing = customerIDs.filter { tiers[$0]?.name != states[$0]?.tier }
        let gone = differing.isEmpty ? [] : try await session.loyalty.customersWithoutPoints(differing, workspaceID: workspaceID)
        let rank = { (name: String?) -> Int? in name.map { name in program.tiers.firstIndex { $0.name == name } } ?? -1 }
        return differing.filter { !gone.contains($0) }.map { customerID in
            let previous = states[customerID]?.tier
            let tier = tiers[customerID]?.name
            let state = LoyaltyTierState(workspaceID: workspaceID, customerID: customerID, tier: tier, changedAt: now)
            let (from, to) = (rank(previous), rank(tier) ?? -1)
            return (LoyaltyTierChange(state, previousTier: previous, upward: to > (from ?? -1)), from != nil)
        }
    }
}
