import Foundation

/// The referral programme's rules apart from storage: codes, the fraud flags, and when a
/// friend's first order earns the reward.
public enum ReferralRules {
    /// Crockford's base 32: no I, L, O or U to misread.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let codeLength = 8
    /// A shop that never reports delivery: its fulfilled order counts as delivered this long after.
    static let assumedDelivery: TimeInterval = 7 * 86_400

    /// A new code: 8 characters, 40 bits (a loyalty reward's takes 10).
    static func newCode(length: Int = codeLength) -> String {
        var random = ChaChaRandom()
        return String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
    }

    /// The code as typed (any case, spaces around), or nil when it cannot be one.
    public static func normalized(_ text: String) -> String? {
        let code = text.trimmed.uppercased()
        guard (4...32).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return code
    }

    /// What makes the referral look like the referrer's own doing, or a code passed around.
    static func flags(
        referrer: Customer, friend: Customer, referrerAddresses: Set<String>, friendAddresses: Set<String>, paymentFingerprint: String?,
        otherFingerprints: Set<String>, earlierUses: Int, program: ReferralProgram
    ) -> [ReferralFlag] {
        var flags: [ReferralFlag] = []
        let mailboxes = { (customer: Customer) in Set(customer.identities.filter { $0.kind == .email }.map { mailbox($0.value) }) }
        let phones = { (customer: Customer) in Set(customer.identities.filter { $0.kind == .phone || $0.kind == .whatsapp }.map(\.value)) }
        if !mailboxes(referrer).isDisjoint(with: mailboxes(friend)) || !phones(referrer).isDisjoint(with: phones(friend)) {
            flags.append(.sharedIdentity)
        }
        if !referrerAddresses.isDisjoint(with: friendAddresses) { flags.append(.sharedAddress) }
        if let paymentFingerprint, otherFingerprints.contains(paymentFingerprint) { flags.append(.sharedPaymentFingerprint) }
        if earlierUses >= program.maximumUsesPerCode { flags.append(.tooManyUses) }
        return flags
    }

    /// The mailbox behind an address: `anna.s+ref@shop.test` and `annas@shop.test` are one person's.
    static func mailbox(_ email: String) -> String {
        let parts = email.lowercased().split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return email.lowercased() }
        let local = parts[0].split(separator: "+", maxSplits: 1).first.map(String.init) ?? ""
        return local.replacingOccurrences(of: ".", with: "") + "@" + parts[1]
    }

    /// An address as compared: its line, lower case, without spaces or punctuation.
    static func addressKey(_ address: Address) -> String {
        String(address.oneLine.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// How long a referral waits before the sweep looks again when nothing says when.
    static let recheck: TimeInterval = 3600
    /// A friend who has not ordered this long after the referral brings nothing.
    static let firstOrderWithin: TimeInterval = 90 * 86_400

    enum Decision: Equatable {
        /// Until the order's returns window closes, or nil: not known yet.
        case wait(until: Date?)
        case reward(orderID: String)
        case reject(String)
    }

    /// What the friend's first order (their earliest since the referral, less a day's grace)
    /// decides: nothing yet, the reward once it stood `qualifyingDays` after delivery, or a
    /// rejection (cancelled, refunded, too small, none within 90 days). A shop that reports
    /// neither fulfilment nor delivery (the tracking API) has a paid order count as delivered
    /// 7 days after it was placed.
    static func decide(firstOrder order: Order?, referredAt: Date, program: ReferralProgram, now: Date) -> Decision {
        guard let order else {
            return now.timeIntervalSince(referredAt) > firstOrderWithin ? .reject("the friend placed no order within 90 days") : .wait(until: nil)
        }
        if order.status == .cancelled || order.status == .refunded { return .reject("the friend's first order was cancelled or refunded") }
        if order.totals.net < program.minimumOrderAmount { return .reject("the friend's first order came to less than the programme's minimum") }
        let delivered = order.deliveredAt ?? order.fulfilledAt.map { $0.addingTimeInterval(assumedDelivery) }
            ?? (order.status == .paid || order.status == .partiallyRefunded ? order.placedAt.addingTimeInterval(assumedDelivery) : nil)
        guard let delivered else {
            return now.timeIntervalSince(referredAt) > firstOrderWithin ? .reject("the friend's first order was never paid") : .wait(until: nil)
        }
        let due = delivered.addingTimeInterval(Double(program.qualifyingDays) * 86_400)
        return now >= due ? .reward(orderID: order.id) : .wait(until: due)
    }

    /// The reward's ledger entries (both sides; a side with no points gets none), or with
    /// `reversed` the entries that take them back, each once by its origin.
    static func rewardEntries(_ referral: Referral, referrerID: String, friendID: String, program: ReferralProgram, at now: Date, reversed: Bool = false) -> [LoyaltyEntry] {
        let sides: [(String, String, Int64)] = [("referrer", referrerID, program.referrerPoints), ("friend", friendID, program.friendPoints)]
        return sides.filter { $0.2 > 0 }.map { side, customerID, points in
            let reason = reversed
                ? "The referred friend's first order was cancelled or refunded after the reward"
                : side == "referrer" ? "A friend you referred placed their first order" : "Welcome reward: you came with a friend's referral"
            return LoyaltyEntry(
                id: ResourceID.make(.loyaltyEntry, at: now), workspaceID: referral.workspaceID, customerID: customerID, kind: .reward,
                points: reversed ? -points : points, reason: reason, origin: "referral:\(referral.id):\(side)" + (reversed ? ":reversed" : ""),
                actor: "rapport", createdAt: now)
        }
    }
}
