/// Referrals follow orders, in the order's transaction, from any source (the API, shop
/// webhooks, imports, the tracking API):
/// - a referral code used as a new order's discount code (Shopify's `discount_codes`, a
///   WooCommerce coupon, the tracking API's `coupon`) records the referral, the customer
///   placing the order being the friend; a code that is no referral code, the customer's own,
///   or a friend referred before changes nothing;
/// - a rewarded referral's first order cancelled or refunded afterwards takes the reward back
///   from both sides (once), and the referral is rejected with the reason.
struct ReferralCheckout: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for case let change as OrderChange in changes {
            switch change.kind {
            case .created where !change.order.discountCodes.isEmpty:
                try await record(change.order, transaction: transaction)
            case .statusChanged where change.order.status == .cancelled || change.order.status == .refunded:
                try await takeBack(change.order, transaction: transaction)
            default:
                continue
            }
        }
    }

    private func record(_ order: Order, transaction: WriteTransaction) async throws {
        let session = transaction.session
        let codes = order.discountCodes.compactMap(ReferralRules.normalized)
        guard !codes.isEmpty, let program = try await session.referrals.program(workspaceID: order.workspaceID), program.enabled,
            let friend = try await ReferralRecording.survivor(of: order.customerID, workspaceID: order.workspaceID, session: session)
        else { return }
        for code in codes where try await session.referrals.owner(code: code, workspaceID: order.workspaceID) != nil {
            do {
                _ = try await ReferralRecording().record(
                    code: code, friend: friend, paymentFingerprint: nil, recordedBy: "order:\(order.id)", program: program, transaction: transaction)
            } catch RapportError.invalid, RapportError.conflict {
                // One's own code, or a friend referred before: the order stands as it is.
            }
            return
        }
    }

    private func takeBack(_ order: Order, transaction: WriteTransaction) async throws {
        let session = transaction.session
        guard var referral = try await session.referrals.rewarded(orderID: order.id, workspaceID: order.workspaceID),
            let program = try await session.referrals.program(workspaceID: order.workspaceID)
        else { return }
        let referrer = try await ReferralRecording.survivor(of: referral.referrerID, workspaceID: order.workspaceID, session: session)
        let friend = try await ReferralRecording.survivor(of: referral.friendID, workspaceID: order.workspaceID, session: session)
        let entries = ReferralRules.rewardEntries(
            referral, referrerID: referrer?.id ?? referral.referrerID, friendID: friend?.id ?? referral.friendID, program: program,
            at: transaction.now, reversed: true)
        try await transaction.appendLoyalty(entries)
        referral.status = .rejected
        referral.rejectionReason = "the friend's first order was cancelled or refunded after the reward"
        referral.updatedAt = transaction.now
        try await session.referrals.update(referral)
    }
}
