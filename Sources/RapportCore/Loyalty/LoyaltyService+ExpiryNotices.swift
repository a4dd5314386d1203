import Foundation

/// Customers told their usable points expire soon (`loyalty.points_expiring`), for a journey
/// or the shop's integration to remind them to spend them: the hourly sweep beside the expiry.
extension LoyaltyService {
    /// Tells each customer of every programme whose points expire what will be gone by the end
    /// of the notice period (`LoyaltyExpiryNotice.isDue`: from 30 days before, once for that
    /// moment, at most one notice in 30 days): the points to expire by then, at most their
    /// usable balance, as their card shows it. One pass over the customers with points, `batch`
    /// at a time: those told lately skipped, the others' sums read outside any write; those due
    /// told in a write that reads their sums, balances and notices again under their balance
    /// rows' locks, so two sweeps at once tell each customer once. Answers how many were told.
    public func announceExpiring(batch: Int = 2_000) async throws -> Int {
        let now = clock.now()
        let period = Double(LoyaltyExpiryNotice.noticeDays) * 86_400
        var told = 0
        for program in try await store.read({ session in try await session.loyalty.programs() }) where program.expiryRule != .never {
            guard let (by, cutoff) = program.upcomingExpiry(at: now), now >= by.addingTimeInterval(-period) else { continue }
            let workspaceID = program.workspaceID
            try await eachPageOfMembers(workspaceID: workspaceID, batch: batch) { customers in
                let due = try await store.read { session in
                    // Those told lately are skipped before their ledger is summed.
                    let notices = try await session.loyalty.expiryNotices(customerIDs: customers, workspaceID: workspaceID)
                    let untold = customers.filter { LoyaltyExpiryNotice.isDue(by: by, last: notices[$0], at: now) }
                    let expiring = try await session.loyalty.expirySums(workspaceID: workspaceID, before: cutoff, customerIDs: untold)
                        .filter { $0.expiring > 0 }.map(\.customerID)
                    // Deleted (until purged), erased and merged-away customers keep balance rows but hold no points.
                    let gone = try await session.loyalty.customersWithoutPoints(expiring, workspaceID: workspaceID)
                    return expiring.filter { !gone.contains($0) }
                }
                if !due.isEmpty { told += try await announce(due, of: program, by: by, cutoff: cutoff) }
            }
        }
        return told
    }

    private func announce(_ customerIDs: [String], of program: LoyaltyProgram, by: Date, cutoff: Date) async throws -> Int {
        let workspaceID = program.workspaceID
        let within = program.expiryRule == .afterDays ? LoyaltyProgram.expiryNoticeDays : nil
        return try await context.write { transaction in
            let session = transaction.session
            try await session.loyalty.lockBalances(customerIDs: customerIDs, workspaceID: workspaceID)
            // Read again under the locks, as the customer's card would read them now: a
            // redemption, a return or another sweep that committed meanwhile counts.
            let notices = try await session.loyalty.expiryNotices(customerIDs: customerIDs, workspaceID: workspaceID)
            let balances = try await session.loyalty.balances(customerIDs: customerIDs, workspaceID: workspaceID)
            let told = try await session.loyalty.expirySums(workspaceID: workspaceID, before: cutoff, customerIDs: customerIDs).compactMap { sum in
                let points = min(sum.expiring, balances[sum.customerID]?.balance ?? 0)
                guard points > 0, LoyaltyExpiryNotice.isDue(by: by, last: notices[sum.customerID], at: transaction.now) else { return nil }
                return LoyaltyExpiryNotice(
                    workspaceID: workspaceID, customerID: sum.customerID, points: points, expiresBy: by, withinDays: within, notifiedAt: transaction.now)
            } as [LoyaltyExpiryNotice]
            try await session.loyalty.saveExpiryNotices(told)
            try await transaction.record(told.map { LoyaltyExpiryNoticeChange($0) as any DomainChange })
            return told.count
        }
    }
}
