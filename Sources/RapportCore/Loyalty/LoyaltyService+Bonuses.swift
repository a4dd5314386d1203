import Foundation

/// The programme's bonuses (`LoyaltyBonuses`): points for a review when it is published (and
/// back when it is taken down), for a first confirmed sign-up, and on birthdays. The first two
/// are written in the transaction of the change that earns them; birthdays by a sweep.
extension LoyaltyService {
    /// Settles a review's points after its status changed (or it arrived published): gives them
    /// when it is published and earns them, takes them back when it is rejected after that. A
    /// review earns once: published again after a rejection, it earns nothing more.
    static func settleReview(_ review: Review, in transaction: WriteTransaction) async throws {
        let session = transaction.session
        switch review.status {
        case .approved:
            guard let program = try await session.loyalty.program(workspaceID: review.workspaceID),
                let entry = LoyaltyBonusRules.reviewEntry(review, program: program, at: transaction.now),
                // Not for a profile that holds no points: deleted, erased, or merged away (a
                // review the survivor had written too stays with the merged-away profile).
                try await session.loyalty.customersWithoutPoints([review.customerID], workspaceID: review.workspaceID).isEmpty
            else { return }
            try await transaction.appendLoyalty([entry])
        case .rejected:
            guard let earned = try await session.loyalty.entry(origin: "review:\(review.id):earned", workspaceID: review.workspaceID) else { return }
            try await transaction.appendLoyalty([LoyaltyBonusRules.reviewReversal(review, earned: earned, at: transaction.now)])
        case .pending:
            return
        }
    }

    /// A customer's points for signing up, given with their first confirmed sign-up since the
    /// programme gave such points (once per customer).
    static func welcome(customerID: String, workspaceID: String, in transaction: WriteTransaction) async throws {
        let session = transaction.session
        guard let program = try await session.loyalty.program(workspaceID: workspaceID),
            let entry = LoyaltyBonusRules.signUpEntry(customerID: customerID, program: program, at: transaction.now)
        else { return }
        try await transaction.appendLoyalty([entry])
    }

    /// Gives the birthday points of every programme that has them to the customers whose
    /// `birthday` attribute comes round today (UTC), once a year each, however often it runs.
    /// Answers how many customers got them.
    public func giveBirthdayPoints() async throws -> Int {
        let now = clock.now()
        var given = 0
        let definition = try LoyaltyBonusRules.birthdayToday()
        for program in try await store.read({ session in try await session.loyalty.programs() }) where program.enabled && program.bonuses.birthday > 0 {
            let workspaceID = program.workspaceID
            // In id order, so two servers sweeping at once on PostgreSQL take the rows alike.
            let customerIDs = try await store.read { session in
                let scope = try await SegmentUpkeep.scope(workspaceID: workspaceID, for: [definition], at: now, session: session)
                return try await session.segments.matching(definition, scope: scope)
            }.sorted()
            for start in stride(from: 0, to: customerIDs.count, by: 500) {
                let slice = customerIDs[start..<min(start + 500, customerIDs.count)]
                let entries = slice.compactMap { LoyaltyBonusRules.birthdayEntry(customerID: $0, program: program, at: now) }
                given += try await context.write { transaction in try await transaction.appendLoyalty(entries) }.count
            }
        }
        return given
    }
}
