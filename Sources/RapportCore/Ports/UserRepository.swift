import Foundation

/// Passwords, failed sign-ins and sessions of the workspace's users.
public protocol UserRepository: Sendable {
    /// The users with this e-mail address in any workspace (sign-in knows no workspace).
    func credentials(email: String) async throws -> [UserCredentials]
    func setPassword(hash: String, userID: String) async throws
    /// Counts one more failed sign-in in one statement (parallel guesses each count); failures
    /// further apart than `window` start again at one. Returns the count.
    func countSignInFailure(userID: String, at date: Date, window: TimeInterval) async throws -> Int
    func lock(userID: String, until date: Date) async throws
    func resetSignInFailures(userID: String) async throws
    /// Devices (by their token's hash) a user signed in on.
    func rememberDevice(id: String, userID: String, at date: Date) async throws
    func knowsDevice(id: String, userID: String) async throws -> Bool
    func insert(_ session: UserSession) async throws
    func session(id: String, now: Date) async throws -> (UserSession, User)?
    /// False when no such user is in the workspace.
    func setRole(_ role: UserRole, userID: String, workspaceID: String) async throws -> Bool
    /// Deactivates (a date; the user also goes offline) or reactivates (nil) a user.
    func setDeactivated(at date: Date?, userID: String, workspaceID: String) async throws -> Bool
    func deleteSession(id: String) async throws
    /// Ends every session of the user and forgets the devices they signed in on (every caller
    /// is a revocation: signing out everywhere, deactivation, a new password); returns how many sessions.
    func deleteSessions(userID: String) async throws -> Int
}
