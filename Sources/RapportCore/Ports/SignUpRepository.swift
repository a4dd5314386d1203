import Foundation

/// Sign-ups waiting for, or done with, their confirmation (double opt-in).
public protocol SignUpRepository: Sendable {
    func insert(_ signUp: SignUp) async throws
    func signUp(id: String, workspaceID: String) async throws -> SignUp?
    /// Holds the address until the transaction ends, so two sign-ups of it are counted one
    /// after the other.
    func lock(address: String, workspaceID: String) async throws
    /// How many sign-ups of the address were mailed (not held) since `date`.
    func mailedCount(address: String, workspaceID: String, since date: Date) async throws -> Int
    /// How many sign-ups the workspace mailed since `date`.
    func mailedCount(workspaceID: String, since date: Date) async throws -> Int
    func markSent(id: String, at date: Date) async throws
    /// Claims the confirmation, once: false when the sign-up was confirmed already (on
    /// PostgreSQL a second confirmation waits for the first and then gets false).
    func confirm(id: String, witness: ConsentWitness, at date: Date) async throws -> Bool
    /// The customer a confirmation granted consent to.
    func setCustomer(id: String, customerID: String) async throws
    /// Deletes unconfirmed sign-ups whose link expired before `date`; answers how many.
    func purgeUnconfirmed(expiredBefore date: Date) async throws -> Int
}
