/// Every entry of the points ledger is written here, so that each one added is announced.
extension WriteTransaction {
    /// Adds the entries whose origin is not there yet (`LoyaltyRepository.append`) and, when
    /// they move balances, records `loyalty.points_changed` for each one added — after the
    /// change being handled, when a subscriber writes them (the order before its points). A replay
    /// (`movingBalances` false) announces nothing: a million past orders credited at once are
    /// not news to a webhook or a journey.
    @discardableResult
    func appendLoyalty(_ entries: [LoyaltyEntry], movingBalances: Bool = true) async throws -> [LoyaltyEntry] {
        guard !entries.isEmpty else { return [] }
        let added = try await session.loyalty.append(entries, movingBalances: movingBalances)
        if movingBalances { try await recordAfterThisRound(added.map(LoyaltyEntryChange.init)) }
        return added
    }
}
