import Foundation

/// Passwords, failed sign-ins and sessions of the workspace's users.
public protocol UserRepository: Sendable {
    /// The users with this e-mail address in any workspace (sign-in knows no workspace).
    func credentials(email: String) async throws -> [UserCredentials]
    func setPassword(hash: String, userID: String) async throws
    func recordSignInFailure(userID: String, failedSignIns: Int, lockedUntil: Date?) async throws
    func insert(_ session: UserSession) async throws
    func session(id: String, now: Date) async throws -> (UserSession, Agent)?
    /// False when no such user is in the workspace.
    func setRole(_ role: UserRole, userID: String, workspaceID: String) async throws -> Bool
    /// Deactivates (a date; the user also goes offline) or reactivates (nil) a user.
    func setDeactivated(at date: Date?, userID: String, workspaceID: String) async throws -> Bool
    func deleteSession(id: String) async throws
    /// Ends every session of the user; returns how many.
    func deleteSessions(userID: String) async throws -> Int
}
