import Foundation

/// People who sign in: creating them with a role (and a password, or a generated one),
/// signing in with lockout after repeated failures, sessions with CSRF tokens, signing out
/// here or everywhere. Passwords are bcrypt hashes; session tokens are stored as SHA-256 hashes.
public struct UserService: Sendable {
    public static let minimumPasswordLength = 12
    /// Failed sign-ins before the account locks; each further failure doubles the wait.
    public static let lockoutThreshold = 5
    public static let sessionLifetime: TimeInterval = 14 * 86_400

    let store: any DataStore
    let clock: any WallClock
    let passwords: any PasswordHasher
    let tokens: any SecretHasher
    let inboxes: InboxService

    public init(store: any DataStore, clock: any WallClock, passwords: any PasswordHasher, tokens: any SecretHasher, inboxes: InboxService) {
        self.store = store
        self.clock = clock
        self.passwords = passwords
        self.tokens = tokens
        self.inboxes = inboxes
    }

    /// Creates a user; returns the generated password when none was given (shown once).
    public func create(
        email: String, name: String?, role: UserRole, password: String?, teamIDs: [String] = [], as actor: Actor
    ) async throws -> (user: Agent, generatedPassword: String?) {
        try actor.require(.manageUsers)
        let workspaceID = actor.workspaceID
        if let password, password.count < Self.minimumPasswordLength || password.count > 200 {
            throw RapportError.invalid(field: "password", "must be \(Self.minimumPasswordLength) to 200 characters")
        }
        let generated = password == nil ? RandomSecret.make(prefix: "", length: 20) : nil
        let displayName = name?.trimmed.isEmpty == false ? name?.trimmed ?? "" : String(email.prefix { $0 != "@" })
        let user = try inboxes.newAgent(
            name: displayName, email: email, role: role, availability: role == .agent ? .online : .offline, maxConversations: 10,
            workspaceID: workspaceID)
        let hash = passwords.hash(password ?? generated ?? "")
        do {
            // The user, their password and their teams, together or not at all.
            try await store.write { session in
                try await session.inboxes.insert(user)
                try await session.users.setPassword(hash: hash, userID: user.id)
                for (index, teamID) in teamIDs.enumerated() {
                    guard try await session.inboxes.team(id: teamID, workspaceID: workspaceID) != nil else {
                        throw RapportError.invalid(field: "team[\(index)]", "names no team of this workspace")
                    }
                    try await session.inboxes.addMember(agentID: user.id, teamID: teamID)
                }
            }
        } catch is StoreConflict {
            throw InboxService.emailTaken(user.email)
        }
        return (user, generated)
    }

    /// Checks the password; a locked account is refused until its wait is over, whatever the password.
    public func signIn(email: String, password: String) async throws -> SignedIn {
        let now = clock.now()
        let wrong = RapportError.unauthorized("The e-mail address or the password is wrong.")
        let candidates = try await store.read { session in try await session.users.credentials(email: email.trimmed.lowercased()) }
        guard candidates.count == 1, let credentials = candidates.first else {
            // As slow as checking a password, so the answer does not tell which addresses exist.
            _ = passwords.hash(password)
            throw wrong
        }
        if let until = credentials.lockedUntil, until > now {
            let seconds = Int(until.timeIntervalSince(now).rounded(.up))
            throw RapportError.tooManyAttempts(
                "Too many failed sign-ins: this account is locked for \(seconds) more seconds.", retryAfterSeconds: seconds)
        }
        guard let hash = credentials.passwordHash, passwords.verify(password, hash: hash) else {
            let failures = credentials.failedSignIns + 1
            let lockedUntil = Self.lockout(afterFailures: failures).map { now.addingTimeInterval($0) }
            try await store.write { session in
                try await session.users.recordSignInFailure(userID: credentials.user.id, failedSignIns: failures, lockedUntil: lockedUntil)
            }
            throw wrong
        }
        if credentials.user.deactivatedAt != nil {
            throw RapportError.unauthorized("This account is deactivated; an admin of the workspace can reactivate it.")
        }
        let token = RandomSecret.make(prefix: "rss_", length: 40)
        let session = UserSession(
            id: tokens.hash(token), userID: credentials.user.id, workspaceID: credentials.user.workspaceID,
            csrfToken: RandomSecret.make(prefix: "", length: 32), createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime))
        try await store.write { storeSession in
            try await storeSession.users.recordSignInFailure(userID: credentials.user.id, failedSignIns: 0, lockedUntil: nil)
            try await storeSession.users.insert(session)
        }
        return SignedIn(user: credentials.user, session: session, token: token)
    }

    /// The live session a cookie's token names, with its user and their teams; nil when
    /// unknown or expired.
    public func session(token: String) async throws -> ActiveSession? {
        let now = clock.now()
        return try await store.read { session in
            guard let (userSession, user) = try await session.users.session(id: tokens.hash(token), now: now) else { return nil }
            let teams = try await session.inboxes.teams(workspaceID: user.workspaceID).filter { $0.memberIDs.contains(user.id) }
            return ActiveSession(session: userSession, user: user, actor: .user(user, teamIDs: Set(teams.map(\.id))))
        }
    }

    public func signOut(token: String) async throws {
        try await store.write { session in try await session.users.deleteSession(id: tokens.hash(token)) }
    }

    /// Ends every session of the user (a lost laptop, a changed password).
    @discardableResult
    public func signOutEverywhere(userID: String) async throws -> Int {
        try await store.write { session in try await session.users.deleteSessions(userID: userID) }
    }

    /// Gives a user another role. Admins do not change their own, so a workspace keeps one.
    public func changeRole(userID: String, to role: UserRole, as actor: Actor) async throws {
        try actor.require(.manageUsers)
        guard userID != actor.userID else { throw RapportError.conflict("You cannot change your own role; another admin can.") }
        let workspaceID = actor.workspaceID
        guard try await store.write({ session in try await session.users.setRole(role, userID: userID, workspaceID: workspaceID) }) else {
            throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.")
        }
    }

    /// Deactivates a user (their sessions end, no sign-in, no routing) or reactivates one.
    /// Their conversations stay assigned to them for a manager to hand on.
    public func setActive(_ active: Bool, userID: String, as actor: Actor) async throws {
        try actor.require(.manageUsers)
        guard userID != actor.userID else { throw RapportError.conflict("You cannot deactivate yourself; another admin can.") }
        let workspaceID = actor.workspaceID
        let now = clock.now()
        let found = try await store.write { session in
            let found = try await session.users.setDeactivated(at: active ? nil : now, userID: userID, workspaceID: workspaceID)
            if found && !active { _ = try await session.users.deleteSessions(userID: userID) }
            return found
        }
        guard found else { throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.") }
    }

    /// Gives a user a new generated password (shown once, to pass on) and ends their sessions:
    /// for a forgotten password. Not for oneself; that is `changePassword`.
    public func resetPassword(userID: String, as actor: Actor) async throws -> (user: Agent, password: String) {
        try actor.require(.manageUsers)
        guard userID != actor.userID else { throw RapportError.conflict("Change your own password under your name, top right.") }
        let workspaceID = actor.workspaceID
        let password = RandomSecret.make(prefix: "", length: 20)
        let hash = passwords.hash(password)
        let user = try await store.write { session in
            guard let user = try await session.inboxes.agent(id: userID, workspaceID: workspaceID) else {
                throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.")
            }
            try await session.users.setPassword(hash: hash, userID: userID)
            try await session.users.recordSignInFailure(userID: userID, failedSignIns: 0, lockedUntil: nil)
            _ = try await session.users.deleteSessions(userID: userID)
            return user
        }
        return (user, password)
    }

    /// Changes a user's password after checking the current one, and ends every session of
    /// theirs (the caller signs the user in again with the new password).
    public func changePassword(userID: String, email: String, current: String, new: String) async throws -> SignedIn {
        guard new.count >= Self.minimumPasswordLength, new.count <= 200 else {
            throw RapportError.invalid(field: "new_password", "must be \(Self.minimumPasswordLength) to 200 characters")
        }
        let candidates = try await store.read { session in try await session.users.credentials(email: email) }
        guard let credentials = candidates.first(where: { $0.user.id == userID }), let hash = credentials.passwordHash,
            passwords.verify(current, hash: hash)
        else { throw RapportError.invalid(field: "current_password", "is not your current password") }
        let newHash = passwords.hash(new)
        try await store.write { session in
            try await session.users.setPassword(hash: newHash, userID: userID)
            _ = try await session.users.deleteSessions(userID: userID)
        }
        return try await signIn(email: email, password: new)
    }

    /// No wait for the first failures; then 30 s, doubling with each failure, at most an hour.
    public static func lockout(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= lockoutThreshold else { return nil }
        return min(30 * pow(2, Double(failures - lockoutThreshold)), 3600)
    }
}
