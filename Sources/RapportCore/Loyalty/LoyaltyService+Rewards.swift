import Foundation

extension LoyaltyService {
    /// Reward codes: `RW` and ten characters of Crockford's base 32 (50 bits), so a code cannot
    /// be guessed from another.
    static let rewardCodeRandomLength = 10
    /// How many of a customer's codes their page and the API show.
    public static let rewardCodesShown = 50

    /// Spends the reward's points and issues its discount code, valid the programme's
    /// `reward_valid_days`; refused (409) beyond the usable balance. The code is announced as
    /// `loyalty.reward_issued` for the shop's integration to create on its side.
    /// `witnessed`: where the request came from, kept in the audit (a customer on their own page).
    public func issueReward(customerID: String, rewardKey: String, as actor: Actor, witnessed: ConsentWitness = .none) async throws -> LoyaltyRewardCode {
        try await context.write { transaction in
            try await issueReward(customerID: customerID, rewardKey: rewardKey, by: actor, in: transaction, witnessed: witnessed)
        }
    }

    /// `issueReward` within a transaction of the caller's (the bot's turn).
    public func issueReward(
        customerID: String, rewardKey: String, by actor: Actor, in transaction: WriteTransaction, witnessed: ConsentWitness = .none
    ) async throws -> LoyaltyRewardCode {
        try actor.require(.redeemPoints)
        let session = transaction.session
        _ = try await customers.liveForWrite(id: customerID, workspaceID: actor.workspaceID, session: session)
        guard let program = try await session.loyalty.program(workspaceID: actor.workspaceID) else {
            throw RapportError.conflict("There is no loyalty programme; PUT /api/v1/loyalty/program sets one.")
        }
        guard let reward = program.reward(rewardKey) else {
            let known = program.rewards.map(\.key).joined(separator: ", ")
            throw RapportError.invalid(field: "reward", known.isEmpty ? "names no reward: the programme has none yet" : "must be one of \(known)")
        }
        let balance = try await session.loyalty.balance(customerID: customerID, workspaceID: actor.workspaceID)?.balance ?? 0
        guard balance >= reward.points else {
            throw RapportError.conflict("Customer \(customerID) has \(balance) usable points; \(reward.name) takes \(reward.points).")
        }
        let now = transaction.now
        let entryID = ResourceID.make(.loyaltyEntry, at: now)
        var issued = LoyaltyRewardCode(
            id: ResourceID.make(.loyaltyReward, at: now), workspaceID: actor.workspaceID, customerID: customerID, code: "", reward: reward,
            points: reward.points, entryID: entryID, issuedBy: actor.label, issuedAt: now,
            expiresAt: now.addingTimeInterval(Double(program.rewardValidDays) * 86_400))
        // 50 bits make a second try all but unheard of; three make a failure so.
        for _ in 0..<3 where issued.code.isEmpty {
            let candidate = "RW" + ReferralRules.newCode(length: Self.rewardCodeRandomLength)
            issued.code = candidate
            if !(try await session.loyalty.insert(issued)) { issued.code = "" }
        }
        guard !issued.code.isEmpty else { throw RapportError.conflict("No free reward code was found; try again.") }
        _ = try await post(
            .redeem, points: -reward.points, reason: "Reward: \(reward.name) (code \(issued.code))", customerID: customerID, as: actor,
            in: transaction, id: entryID)
        try await transaction.record(LoyaltyRewardChange(.issued, issued))
        try await transaction.audit(
            AuditRecord(
                .loyaltyRewardIssued, subject: .customer(customerID),
                details: ["reward": reward.key, "points": String(reward.points), "reward_code_id": issued.id].merging(
                    [("ip_address", witnessed.ipAddress), ("user_agent", witnessed.userAgent)].compactMap { key, value in value.map { (key, $0) } }
                ) { kept, _ in kept }),
            by: actor)
        return issued
    }

    /// The customer's reward codes, newest first: the latest `rewardCodesShown`, and whether
    /// there are older ones.
    public func rewardCodes(customerID: String, as actor: Actor) async throws -> Page<LoyaltyRewardCode> {
        try await store.read { session in
            _ = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
            let codes = try await session.loyalty.rewardCodes(customerID: customerID, workspaceID: actor.workspaceID, limit: Self.rewardCodesShown + 1)
            return Page(items: Array(codes.prefix(Self.rewardCodesShown)), hasMore: codes.count > Self.rewardCodesShown)
        }
    }
}
