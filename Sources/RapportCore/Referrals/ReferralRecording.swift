import Foundation

/// Records a friend who came with a code, whichever way it arrived (the API, a referral code
/// used as the discount code of an order): the fraud flags decide whether it waits for the
/// friend's first order or for a person's review.
struct ReferralRecording {
    /// A friend whose first order is older than this is an existing customer, not a new one.
    static let newCustomerGrace: TimeInterval = 86_400

    /// Throws `invalid` for an unknown code or one's own, `conflict` for a friend referred
    /// already or an existing customer.
    func record(
        code: String, friend: Customer, paymentFingerprint: String?, recordedBy: String, program: ReferralProgram, transaction: WriteTransaction
    ) async throws -> Referral {
        let session = transaction.session
        let now = transaction.now
        let workspaceID = friend.workspaceID
        guard let ownerID = try await session.referrals.owner(code: code, workspaceID: workspaceID) else {
            throw RapportError.invalid(field: "code", "is no customer's referral code")
        }
        guard let referrer = try await Self.survivor(of: ownerID, workspaceID: workspaceID, session: session) else {
            throw RapportError.invalid(field: "code", "belongs to a customer no longer on record")
        }
        guard referrer.id != friend.id else { throw RapportError.invalid(field: "code", "is the customer's own: nobody refers themselves") }
        let friendOrders = try await session.orders.list(filter: OrderFilter(customerID: friend.id), workspaceID: workspaceID, page: try PageRequest(limit: 100)).items
        if let earliest = friendOrders.map(\.placedAt).min(), now.timeIntervalSince(earliest) > Self.newCustomerGrace {
            throw RapportError.conflict("Customer \(friend.id) ordered before: a referral brings a new customer.")
        }
        let fingerprint = paymentFingerprint?.trimmed.isEmpty == false ? paymentFingerprint?.trimmed : nil
        let flags = try await Self.flags(
            referrer: referrer, friend: friend, friendOrders: friendOrders, paymentFingerprint: fingerprint, excluding: nil,
            earlierUses: try await session.referrals.uses(code: code, workspaceID: workspaceID), program: program, session: session)
        let referral = Referral(
            id: ResourceID.make(.referral, at: now), workspaceID: workspaceID, code: code, referrerID: referrer.id, friendID: friend.id,
            status: flags.isEmpty ? .pending : .flagged, flags: flags, paymentFingerprint: fingerprint, recordedBy: recordedBy,
            createdAt: now, updatedAt: now)
        guard try await session.referrals.insert(referral) else {
            throw RapportError.conflict("Customer \(friend.id) was referred already.")
        }
        return referral
    }

    /// The flags of a referral from what is on record now: the referrer's and friend's
    /// identities, their orders' addresses, the fingerprints of the referrer's other friends
    /// (`excluding` this referral), and the code's earlier uses.
    static func flags(
        referrer: Customer, friend: Customer, friendOrders: [Order], paymentFingerprint: String?, excluding referralID: String?,
        earlierUses: Int, program: ReferralProgram, session: any StoreSession
    ) async throws -> [ReferralFlag] {
        let referrerOrders = try await session.orders.list(
            filter: OrderFilter(customerID: referrer.id), workspaceID: referrer.workspaceID, page: try PageRequest(limit: 100)).items
        let addresses = { (orders: [Order]) in Set(orders.compactMap(\.shippingAddress).map(ReferralRules.addressKey)) }
        return ReferralRules.flags(
            referrer: referrer, friend: friend, referrerAddresses: addresses(referrerOrders), friendAddresses: addresses(friendOrders),
            paymentFingerprint: paymentFingerprint,
            otherFingerprints: try await session.referrals.fingerprints(referrerID: referrer.id, workspaceID: referrer.workspaceID, excluding: referralID),
            earlierUses: earlierUses, program: program)
    }

    /// The live customer `id` is, or was merged into; nil when deleted or erased.
    static func survivor(of id: String, workspaceID: String, session: any StoreSession) async throws -> Customer? {
        var customer = try await session.customers.find(id: id, workspaceID: workspaceID)
        for _ in 0..<8 {
            guard let survivorID = customer?.mergedIntoID else { break }
            customer = try await session.customers.find(id: survivorID, workspaceID: workspaceID)
        }
        return customer?.deletedAt == nil && customer?.mergedIntoID == nil ? customer : nil
    }
}
