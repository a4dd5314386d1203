import Foundation

/// Sign-ups waiting for, or done with, their confirmation (double opt-in).
public protocol SignUpRepository: Sendable {
    func insert(_ signUp: SignUp) async throws
    func signUp(id: String, workspaceID: String) async throws -> SignUp?
    /// How many sign-ups the address made since `date` (how often it was mailed).
    func count(address: String, workspaceID: String, since date: Date) async throws -> Int
    func markSent(id: String, at date: Date) async throws
    /// Records the confirmation, once: false when the sign-up was confirmed already.
    func confirm(id: String, customerID: String, witness: ConsentWitness, at date: Date) async throws -> Bool
    /// Deletes unconfirmed sign-ups whose link expired before `date`; answers how many.
    func purgeUnconfirmed(expiredBefore date: Date) async throws -> Int
}
