import Foundation

/// What signing in checks: the password hash and the failed attempts that lock the account.
public struct UserCredentials: Sendable, Equatable {
    public var user: User
    public var passwordHash: String?
    public var failedSignIns: Int
    public var lockedUntil: Date?

    public init(user: User, passwordHash: String?, failedSignIns: Int, lockedUntil: Date?) {
        self.user = user
        self.passwordHash = passwordHash
        self.failedSignIns = failedSignIns
        self.lockedUntil = lockedUntil
    }
}
