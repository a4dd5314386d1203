import Foundation

/// Referrals: each customer's code and link, friends recorded with a code (by the shop at
/// sign-up or checkout), fraud flags that hold a referral for review, and the reward in
/// loyalty points to both sides once the friend's first order stood through its returns
/// window.
public struct ReferralService: Sendable {
    public static let maximumFingerprintLength = 200
    public static let maximumReasonLength = 200

    let customers: CustomerService
    /// Payment fingerprints are kept as digests: compared, never shown.
    let hasher: any SecretHasher
    var context: CoreContext { customers.context }
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(customers: CustomerService, hasher: any SecretHasher) {
        self.customers = customers
        self.hasher = hasher
    }

    public func program(as actor: Actor) async throws -> ReferralProgram? {
        try await store.read { session in try await session.referrals.program(workspaceID: actor.workspaceID) }
    }

    public func setProgram(_ program: ReferralProgram, as actor: Actor) async throws -> ReferralProgram {
        try actor.require(.manageLoyalty)
        var program = program
        program.workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        for (field, points) in [("referrer_points", program.referrerPoints), ("friend_points", program.friendPoints)]
        where !(0...ReferralProgram.maximumPoints).contains(points) {
            problems.add(field, "must be 0 to \(ReferralProgram.maximumPoints)")
        }
        if program.minimumOrderAmount < 0 { problems.add("minimum_order_amount", "must be 0 or more (minor units)") }
        if !(0...ReferralProgram.maximumDays).contains(program.qualifyingDays) { problems.add("qualifying_days", "must be 0 to \(ReferralProgram.maximumDays)") }
        if program.maximumUsesPerCode < 1 { problems.add("maximum_uses_per_code", "must be 1 or more") }
        if let url = program.landingURL { problems.url(url, "landing_url") }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let checked = program
        return try await context.write { transaction in
            var program = checked
            program.updatedAt = transaction.now
            try await transaction.session.referrals.save(program)
            try await transaction.audit(
                AuditRecord(
                    .referralProgramChanged, subject: .workspace(actor.workspaceID),
                    details: ["enabled": String(program.enabled), "referrer_points": String(program.referrerPoints),
                              "friend_points": String(program.friendPoints)]),
                by: actor)
            return program
        }
    }

    /// The customer's code (made on first ask, once a programme exists), link and counts.
    public func account(customerID: String, as actor: Actor) async throws -> ReferralAccount {
        try actor.require(.editCustomers)
        let known = try await store.read { session -> ReferralAccount? in
            let customer = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
            guard let code = try await session.referrals.code(customerID: customer.id, workspaceID: actor.workspaceID) else { return nil }
            return try await Self.account(customer.id, code: code, workspaceID: actor.workspaceID, session: session)
        }
        if let known { return known }
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let customer = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
            guard try await session.referrals.program(workspaceID: actor.workspaceID) != nil else {
                throw RapportError.conflict("The workspace has no referral programme; PUT /api/v1/referrals/program sets one.")
            }
            for _ in 0..<5 {
                if let code = try await session.referrals.code(customerID: customer.id, workspaceID: actor.workspaceID) {
                    return try await Self.account(customer.id, code: code, workspaceID: actor.workspaceID, session: session)
                }
                // A taken code (or the customer's code made meanwhile by another request) inserts
                // nothing: read again, then try another.
                _ = try await session.referrals.insertCode(ReferralRules.newCode(), customerID: customer.id, workspaceID: actor.workspaceID, at: transaction.now)
            }
            throw StoreConflict()
        }
    }

    private static func account(_ customerID: String, code: String, workspaceID: String, session: any StoreSession) async throws -> ReferralAccount {
        let program = try await session.referrals.program(workspaceID: workspaceID)
        return ReferralAccount(
            customerID: customerID, code: code, link: program?.link(code: code),
            referred: try await session.referrals.uses(code: code, workspaceID: workspaceID),
            rewarded: try await session.referrals.rewarded(referrerID: customerID, workspaceID: workspaceID))
    }

    /// A friend who came with `code`: pending until their first order qualifies, or flagged for
    /// review. A customer cannot refer themselves (422), a friend is referred once (409), and
    /// an existing customer is no new friend (409).
    public func refer(code text: String, friendID: String, paymentFingerprint: String?, as actor: Actor) async throws -> Referral {
        try actor.require(.recordReferrals)
        guard let code = ReferralRules.normalized(text) else { throw RapportError.invalid(field: "code", "is not a referral code") }
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard let program = try await session.referrals.program(workspaceID: actor.workspaceID), program.enabled else {
                throw RapportError.conflict("The workspace has no referral programme switched on.")
            }
            let friend: Customer
            do {
                friend = try await customers.liveCustomerOrSurvivor(id: friendID, workspaceID: actor.workspaceID, session: session)
            } catch RapportError.notFound(let message) {
                throw RapportError.invalid(field: "customer_id", message)
            }
            let digest = paymentFingerprint.map(\.trimmed).flatMap { $0.isEmpty ? nil : hasher.hash($0) }
            let referral = try await ReferralRecording().record(
                code: code, friend: friend, paymentFingerprint: digest, recordedBy: actor.label, program: program, transaction: transaction)
            try await transaction.audit(
                AuditRecord(.referralRecorded, subject: .customer(referral.referrerID),
                            details: ["referral_id": referral.id, "friend_id": referral.friendID, "status": referral.status.rawValue]),
                by: actor)
            return referral
        }
    }

    /// A flagged referral cleared by a person: pending, rewarded when the first order qualifies.
    public func approve(id: String, as actor: Actor) async throws -> Referral {
        try await review(id, as: actor, audited: .referralApproved) { referral in
            guard referral.status == .flagged else { throw RapportError.conflict("Only a flagged referral waits for approval; this one is \(referral.status.rawValue).") }
            referral.status = .pending
            referral.checkAfter = nil
        }
    }

    /// A referral refused by a person, with the reason; a rewarded one cannot be (its points are the ledger's).
    public func reject(id: String, reason: String, as actor: Actor) async throws -> Referral {
        let reason = reason.trimmed
        guard !reason.isEmpty, reason.count <= Self.maximumReasonLength else {
            throw RapportError.invalid(field: "reason", "is required: 1 to \(Self.maximumReasonLength) characters")
        }
        return try await review(id, as: actor, audited: .referralRejected) { referral in
            guard referral.status == .pending || referral.status == .flagged else {
                throw RapportError.conflict("A \(referral.status.rawValue) referral cannot be rejected.")
            }
            referral.status = .rejected
            referral.rejectionReason = reason
        }
    }

    public func find(id: String, as actor: Actor) async throws -> Referral {
        try await store.read { session in
            guard let referral = try await session.referrals.find(id: id, workspaceID: actor.workspaceID) else {
                throw RapportError.notFound("No referral with id \(id.prefix(64)).")
            }
            return referral
        }
    }

    public func list(status: ReferralStatus?, referrerID: String?, page: PageRequest, as actor: Actor) async throws -> Page<Referral> {
        try await store.read { session in
            try await session.referrals.list(workspaceID: actor.workspaceID, status: status, referrerID: referrerID, page: page)
        }
    }

    /// Settles pending referrals due a look: rewards both sides in loyalty points (once: each
    /// entry's origin is the referral's) when the friend's first order stood through its
    /// window and nothing on record now flags it, or rejects with the reason; answers how many
    /// it looked at. A referral that fails is looked at again later, the others go on.
    @discardableResult
    public func settleDue(limit: Int = 500) async throws -> Int {
        let now = clock.now()
        let pending = try await store.read { session in try await session.referrals.pending(at: now, limit: limit) }
        for referral in pending {
            do {
                try await settle(referral.id, workspaceID: referral.workspaceID)
            } catch {
                try? await context.write { transaction in
                    guard var stuck = try await transaction.session.referrals.find(id: referral.id, workspaceID: referral.workspaceID) else { return }
                    stuck.checkAfter = transaction.now.addingTimeInterval(ReferralRules.recheck)
                    try await transaction.session.referrals.update(stuck)
                }
            }
        }
        return pending.count
    }

    private func settle(_ id: String, workspaceID: String) async throws {
        try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            guard var referral = try await session.referrals.find(id: id, workspaceID: workspaceID), referral.status == .pending else { return }
            guard let program = try await session.referrals.program(workspaceID: workspaceID), program.enabled else {
                // Switched off: nothing is paid meanwhile; looked at again later.
                referral.checkAfter = now.addingTimeInterval(ReferralRules.recheck)
                try await session.referrals.update(referral)
                return
            }
            let friend = try await ReferralRecording.survivor(of: referral.friendID, workspaceID: workspaceID, session: session)
            let referrer = try await ReferralRecording.survivor(of: referral.referrerID, workspaceID: workspaceID, session: session)
            var orders: [Order] = []
            if let friend {
                orders = try await session.orders.list(filter: OrderFilter(customerID: friend.id), workspaceID: workspaceID, page: try PageRequest(limit: 100)).items
            }
            let first = orders.min { ($0.placedAt, $0.id) < ($1.placedAt, $1.id) }
            var decision: ReferralRules.Decision
            if friend == nil || referrer == nil {
                decision = .reject("the friend or the referrer is no longer on record")
            } else if friend?.id == referrer?.id {
                decision = .reject("the referrer and the friend are one customer (their profiles were merged)")
            } else if let first, first.placedAt < referral.createdAt.addingTimeInterval(-ReferralRecording.newCustomerGrace) {
                decision = .reject("the friend ordered before the referral: an existing customer")
            } else {
                decision = ReferralRules.decide(firstOrder: first, referredAt: referral.createdAt, program: program, now: now)
            }
            switch decision {
            case .wait(let until):
                referral.checkAfter = until ?? now.addingTimeInterval(ReferralRules.recheck)
            case .reject(let reason):
                referral.status = .rejected
                referral.rejectionReason = reason
                referral.orderID = first?.id
            case .reward(let orderID):
                guard let friend, let referrer else { return }
                referral.orderID = orderID
                // What is on record now (the first order's address) may flag what looked clean
                // when it was recorded; a referral a person cleared is paid as cleared.
                let flags = referral.reviewedBy != nil ? [] : try await ReferralRecording.flags(
                    referrer: referrer, friend: friend, friendOrders: orders, paymentFingerprint: referral.paymentFingerprint, excluding: referral.id,
                    earlierUses: 0, program: program, session: session)
                if flags.isEmpty {
                    referral.status = .rewarded
                    referral.rewardedAt = now
                    try await reward(referral, referrer: referrer, friend: friend, program: program, transaction: transaction)
                } else {
                    referral.status = .flagged
                    referral.flags = Array(Set(referral.flags + flags)).sorted { $0.rawValue < $1.rawValue }
                }
            }
            referral.updatedAt = now
            try await session.referrals.update(referral)
        }
    }

    /// The points to both sides, on their surviving profiles.
    private func reward(_ referral: Referral, referrer: Customer, friend: Customer, program: ReferralProgram, transaction: WriteTransaction) async throws {
        let now = transaction.now
        let entries = ReferralRules.rewardEntries(referral, referrerID: referrer.id, friendID: friend.id, program: program, at: now)
        try await transaction.appendLoyalty(entries)
    }

    private func review(
        _ id: String, as actor: Actor, audited action: AuditAction, _ change: @Sendable @escaping (inout Referral) throws -> Void
    ) async throws -> Referral {
        try actor.require(.recordReferrals)
        return try await context.write { transaction in
            guard var referral = try await transaction.session.referrals.find(id: id, workspaceID: actor.workspaceID) else {
                throw RapportError.notFound("No referral with id \(id.prefix(64)).")
            }
            try change(&referral)
            referral.reviewedBy = actor.label
            referral.updatedAt = transaction.now
            try await transaction.session.referrals.update(referral)
            try await transaction.audit(AuditRecord(action, subject: .customer(referral.referrerID), details: ["referral_id": referral.id]), by: actor)
            return referral
        }
    }
}
