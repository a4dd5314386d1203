import Foundation

/// Referral programmes, customers' codes and the referrals they brought.
public protocol ReferralRepository: Sendable {
    func program(workspaceID: String) async throws -> ReferralProgram?
    func save(_ program: ReferralProgram) async throws
    func code(customerID: String, workspaceID: String) async throws -> String?
    /// Adds the customer's code unless they have one or the code is taken; answers whether it did.
    func insertCode(_ code: String, customerID: String, workspaceID: String, at now: Date) async throws -> Bool
    func owner(code: String, workspaceID: String) async throws -> String?
    /// Adds the referral unless the friend was referred already; answers whether it did.
    func insert(_ referral: Referral) async throws -> Bool
    func update(_ referral: Referral) async throws
    /// Locked for the rest of a write transaction on PostgreSQL.
    func find(id: String, workspaceID: String) async throws -> Referral?
    /// How many friends came with the code, and of the referrer how many were rewarded.
    func uses(code: String, workspaceID: String) async throws -> Int
    func rewarded(referrerID: String, workspaceID: String) async throws -> Int
    /// The payment fingerprints (digests) of the referrer's friends, but `excluding` one referral.
    func fingerprints(referrerID: String, workspaceID: String, excluding referralID: String?) async throws -> Set<String>
    /// The rewarded referral whose first order is `orderID`; locked for the rest of a write transaction on PostgreSQL.
    func rewarded(orderID: String, workspaceID: String) async throws -> Referral?
    /// Newest first, in one status or all.
    func list(workspaceID: String, status: ReferralStatus?, referrerID: String?, page: PageRequest) async throws -> Page<Referral>
    /// Pending referrals across workspaces due a look at `now`, longest waiting first.
    func pending(at now: Date, limit: Int) async throws -> [Referral]
    /// Friends referred (pending or rewarded: not flagged or rejected) who were created in
    /// `[from, to)` and are still on record.
    func referredCustomers(workspaceID: String, from: Date, to: Date) async throws -> Int
    /// Customers created in `[from, to)` and still on record (not merged away or deleted).
    func customersCreated(workspaceID: String, from: Date, to: Date) async throws -> Int
}
