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
    let work: PasswordWork
    let throttle: SignInThrottle

    public init(
        store: any DataStore, clock: any WallClock, passwords: any PasswordHasher, tokens: any SecretHasher, inboxes: InboxService,
        work: PasswordWork = PasswordWork(), throttle: SignInThrottle = SignInThrottle()
    ) {
        self.work = work
        self.throttle = throttle
        self.store = store
        self.clock = clock
        self.passwords = passwords
        self.tokens = tokens
        self.inboxes = inboxes
    }

    /// Creates a user; returns the generated password when none was given (shown once).
    public func create(
        email: String, name: String?, role: UserRole, password: String?, teamIDs: [String] = [], as actor: Actor
    ) async throws -> (user: User, generatedPassword: String?) {
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
        let passwords = self.passwords
        let chosen = password ?? generated ?? ""
        let hash = try await work.run { passwords.hash(chosen) }
        do {
            // The user, their password and their teams, together or not at all.
            try await store.write { session in
                // Signing in names no workspace: an address leads to one account in the whole installation.
                guard try await session.users.credentials(email: user.email).isEmpty else { throw StoreConflict() }
                try await session.inboxes.insert(user)
                try await session.users.setPassword(hash: hash, userID: user.id)
                for (index, teamID) in teamIDs.enumerated() {
                    guard try await session.inboxes.team(id: teamID, workspaceID: workspaceID) != nil else {
                        throw RapportError.invalid(field: "team[\(index)]", "names no team of this workspace")
                    }
                    try await session.inboxes.addMember(agentID: user.id, teamID: teamID)
                }
                try await session.audit.append(
                    AuditRecord(.userCreated, subject: .user(user.id), details: ["role": role.rawValue]), by: actor, at: clock.now())
            }
        } catch is StoreConflict {
            throw InboxService.emailTaken(user.email)
        }
        return (user, generated)
    }

    /// How long a failed sign-in counts towards the account's lock: failures further apart
    /// than this start the count again, so a guess an hour never locks anyone out.
    public static let failureWindow: TimeInterval = 3600

    public func signIn(email: String, password: String) async throws -> SignedIn {
        try await signIn(SignInAttempt(email: email, password: password))
    }

    /// Checks the password. Refused before any check: an address with too many failures
    /// (per-address throttle), and a locked account — unless the attempt comes from a device
    /// this user signed in on before, whose owner the lock must not keep out. Failures are
    /// counted atomically in the database, so parallel guesses each count.
    public func signIn(_ attempt: SignInAttempt) async throws -> SignedIn {
        let now = clock.now()
        let wrong = RapportError.unauthorized("The e-mail address or the password is wrong.")
        try await throttle.begin(attempt.address, now: now)
        let candidates = try await store.read { session in try await session.users.credentials(email: attempt.email.trimmed.lowercased()) }
        let passwords = self.passwords
        let password = attempt.password
        guard !candidates.isEmpty else {
            // As slow as checking a password, so the answer does not tell which addresses exist.
            _ = try await work.run { passwords.hash(password) }
            throw wrong
        }
        // Addresses are unique across workspaces since migration 12; an older database may
        // hold a few alike: the password decides which account it is.
        for credentials in candidates.prefix(5) {
            let knownDevice = try await isKnownDevice(attempt.deviceToken, userID: credentials.user.id)
            if !knownDevice, let until = credentials.lockedUntil, until > now {
                guard candidates.count == 1 else { continue }
                let seconds = Int(until.timeIntervalSince(now).rounded(.up))
                throw RapportError.tooManyAttempts(
                    "Too many failed sign-ins: this account is locked for \(seconds) more seconds (a device you signed in on before can still sign in).",
                    retryAfterSeconds: seconds)
            }
            guard let hash = credentials.passwordHash, try await work.run({ passwords.verify(password, hash: hash) }) else {
                try await store.write { session in
                    let failures = try await session.users.countSignInFailure(userID: credentials.user.id, at: now, window: Self.failureWindow)
                    if let wait = Self.lockout(afterFailures: failures) {
                        try await session.users.lock(userID: credentials.user.id, until: now.addingTimeInterval(wait))
                    }
                    try await session.audit.append(
                        AuditRecord(.userSignInFailed, subject: .user(credentials.user.id), details: ["failures": String(failures)],
                                    ipAddress: attempt.address),
                        actor: "anonymous", workspaceID: credentials.user.workspaceID, at: now)
                }
                continue
            }
            if credentials.user.deactivatedAt != nil {
                throw RapportError.unauthorized("This account is deactivated; an admin of the workspace can reactivate it.")
            }
            await throttle.succeeded(attempt.address)
            return try await openSession(for: credentials.user, knownDevice: knownDevice, address: attempt.address, now: now)
        }
        throw wrong
    }

    private func isKnownDevice(_ token: String?, userID: String) async throws -> Bool {
        guard let token, !token.isEmpty, token.count <= 100 else { return false }
        let id = tokens.hash(token)
        return try await store.read { session in try await session.users.knowsDevice(id: id, userID: userID) }
    }

    private func openSession(for user: User, knownDevice: Bool, address: String?, now: Date) async throws -> SignedIn {
        let token = RandomSecret.make(prefix: "rss_", length: 40)
        let deviceToken = knownDevice ? nil : RandomSecret.make(prefix: "rdv_", length: 40)
        let session = UserSession(
            id: tokens.hash(token), userID: user.id, workspaceID: user.workspaceID,
            csrfToken: RandomSecret.make(prefix: "", length: 32), createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime))
        try await store.write { storeSession in
            try await storeSession.users.resetSignInFailures(userID: user.id)
            try await storeSession.users.insert(session)
            if let deviceToken { try await storeSession.users.rememberDevice(id: tokens.hash(deviceToken), userID: user.id, at: now) }
            try await storeSession.audit.append(
                AuditRecord(.userSignedIn, subject: .user(user.id), details: ["known_device": String(knownDevice)], ipAddress: address),
                by: .user(user, teamIDs: []), at: now)
        }
        return SignedIn(user: user, session: session, token: token, deviceToken: deviceToken)
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
        let now = clock.now()
        let found = try await store.write { session in
            guard try await session.users.setRole(role, userID: userID, workspaceID: workspaceID) else { return false }
            try await session.audit.append(AuditRecord(.userRoleChanged, subject: .user(userID), details: ["role": role.rawValue]), by: actor, at: now)
            return true
        }
        guard found else { throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.") }
    }

    /// Deactivates a user (their sessions end, no sign-in, no routing) or reactivates one.
    /// Their conversations stay assigned to them for a manager to hand on; their open tasks go
    /// back to their teams (no owner).
    public func setActive(_ active: Bool, userID: String, as actor: Actor) async throws {
        try actor.require(.manageUsers)
        guard userID != actor.userID else { throw RapportError.conflict("You cannot deactivate yourself; another admin can.") }
        let workspaceID = actor.workspaceID
        let now = clock.now()
        let found = try await store.write { session in
            let found = try await session.users.setDeactivated(at: active ? nil : now, userID: userID, workspaceID: workspaceID)
            if found && !active {
                _ = try await session.users.deleteSessions(userID: userID)
                try await session.tasks.releaseOpen(ownerID: userID, workspaceID: workspaceID, at: now)
            }
            if found {
                try await session.audit.append(AuditRecord(active ? .userReactivated : .userDeactivated, subject: .user(userID)), by: actor, at: now)
            }
            return found
        }
        guard found else { throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.") }
    }

    /// Gives a user a new generated password (shown once, to pass on) and ends their sessions:
    /// for a forgotten password. Not for oneself; that is `changePassword`.
    public func resetPassword(userID: String, as actor: Actor) async throws -> (user: User, password: String) {
        try actor.require(.manageUsers)
        guard userID != actor.userID else { throw RapportError.conflict("Change your own password under your name, top right.") }
        let workspaceID = actor.workspaceID
        let password = RandomSecret.make(prefix: "", length: 20)
        let passwords = self.passwords
        let hash = try await work.run { passwords.hash(password) }
        let user = try await store.write { session in
            guard let user = try await session.inboxes.agent(id: userID, workspaceID: workspaceID) else {
                throw RapportError.notFound("No user \(userID.prefix(64)) in this workspace.")
            }
            try await session.users.setPassword(hash: hash, userID: userID)
            try await session.users.resetSignInFailures(userID: userID)
            _ = try await session.users.deleteSessions(userID: userID)
            try await session.audit.append(
                AuditRecord(.userPasswordChanged, subject: .user(userID), details: ["by": "reset"]), by: actor, at: clock.now())
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
        let passwords = self.passwords
        guard let credentials = candidates.first(where: { $0.user.id == userID }), let hash = credentials.passwordHash,
            try await work.run({ passwords.verify(current, hash: hash) })
        else { throw RapportError.invalid(field: "current_password", "is not your current password") }
        let newHash = try await work.run { passwords.hash(new) }
        let user = credentials.user
        try await store.write { session in
            try await session.users.setPassword(hash: newHash, userID: userID)
            _ = try await session.users.deleteSessions(userID: userID)
            try await session.audit.append(
                AuditRecord(.userPasswordChanged, subject: .user(userID), details: ["by": "self"]), by: .user(user, teamIDs: []), at: clock.now())
        }
        return try await signIn(email: email, password: new)
    }

    /// No wait for the first failures; then 30 s, doubling with each failure, at most an hour.
    public static func lockout(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= lockoutThreshold else { return nil }
        return min(30 * pow(2, Double(failures - lockoutThreshold)), 3600)
    }
}
