import Foundation

/// A customer's loyalty points on their own page: what they hold, and a reward taken for them.
/// The page's signed link is the credential, as it is for their consent; what they do is
/// recorded as `system:customer`.
extension PreferenceService {
    /// How many of their codes the page lists.
    public static let codesShown = 10
    /// How many of their latest ledger entries it lists.
    public static let entriesShown = 10

    /// The customer's points as their page shows them (after a merge, the survivor's); nil when
    /// the store has no loyalty programme.
    public func points(token text: String) async throws -> CustomerPoints? {
        let (workspaceID, customerID) = try await holder(of: text)
        let actor = Self.customerActing(in: workspaceID)
        guard let program = try await loyalty.program(as: actor) else { return nil }
        let account = try await loyalty.account(customerID: customerID, page: try PageRequest(limit: Self.entriesShown), as: actor)
        let codes = try await loyalty.rewardCodes(customerID: customerID, as: actor).items.prefix(Self.codesShown)
        return CustomerPoints(account: account, rewards: program.rewards, codes: Array(codes))
    }

    /// Takes the reward for the customer's usable points and answers its code; refused (409)
    /// beyond them, as for the team. The audit keeps where the request came from: a user who
    /// may make the customer's link could open their page too.
    public func takeReward(token text: String, rewardKey: String, witness: ConsentWitness) async throws -> LoyaltyRewardCode {
        let (workspaceID, customerID) = try await holder(of: text)
        return try await loyalty.issueReward(
            customerID: customerID, rewardKey: rewardKey, as: Self.customerActing(in: workspaceID), witnessed: witness)
    }

    /// The workspace and the live customer a preference link names (the survivor of a merge).
    private func holder(of text: String) async throws -> (workspaceID: String, customerID: String) {
        let token = try PreferenceToken.read(text, scope: .preferences, signer: signer, now: context.clock.now())
        let customer = try await context.store.read { session in
            try await customers.liveCustomerOrSurvivor(id: token.subjectID, workspaceID: token.workspaceID, session: session)
        }
        return (token.workspaceID, customer.id)
    }

    /// The customer acting on their own points through their link.
    static func customerActing(in workspaceID: String) -> Actor {
        .system(customerActor, workspaceID: workspaceID)
    }
}
