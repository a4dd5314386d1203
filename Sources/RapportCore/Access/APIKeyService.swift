import Foundation

/// Creates, lists, revokes and checks API keys.
public struct APIKeyService: Sendable {
    /// Every secret key starts with this, so leaked keys are easy to find by scanners.
    public static let secretPrefix = APIKeyKind.secret.secretPrefix

    private let store: any DataStore
    private let hasher: any SecretHasher
    public let clock: any WallClock

    public init(store: any DataStore, hasher: any SecretHasher, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
    }

    /// Creates a key in `workspaceID`; the returned secret is the only copy.
    public func create(name: String, kind: APIKeyKind = .secret, as actor: Actor) async throws -> IssuedAPIKey {
        try actor.require(.manageKeys)
        let workspaceID = actor.workspaceID
        let trimmed = name.trimmed
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw RapportError.invalid(field: "name", "must be 1 to 100 characters")
        }
        let secret = RandomSecret.make(prefix: kind.secretPrefix)
        let now = clock.now()
        let key = APIKey(
            id: ResourceID.make(.apiKey, at: now), workspaceID: workspaceID, name: trimmed, kind: kind,
            displayPrefix: String(secret.prefix(kind.secretPrefix.count + 6)), secretHash: hasher.hash(secret),
            createdAt: now)
        try await store.write { session in
            try await session.apiKeys.insert(key)
            try await session.audit.append(AuditRecord(.keyCreated, subject: .apiKey(key.id), details: ["kind": kind.rawValue]), by: actor, at: now)
        }
        return IssuedAPIKey(key: key, secret: secret)
    }

    public func list() async throws -> [APIKey] {
        try await store.read { session in try await session.apiKeys.all() }
    }

    /// The workspace's keys, for an admin.
    public func keys(as actor: Actor) async throws -> [APIKey] {
        try actor.require(.manageKeys)
        return try await store.read { session in try await session.apiKeys.all(workspaceID: actor.workspaceID) }
    }

    /// Revokes a key of the actor's workspace.
    public func revoke(id: String, as actor: Actor) async throws {
        try actor.require(.manageKeys)
        guard try await keys(as: actor).contains(where: { $0.id == id }) else { throw RapportError.notFound("No API key with id \(id.prefix(64)).") }
        try await revoke(id: id, by: actor)
    }

    /// Revokes the key with `id` from the command line; revoking twice is harmless.
    public func revoke(id: String) async throws {
        guard let key = try await list().first(where: { $0.id == id }) else { throw RapportError.notFound("No API key with id \(id).") }
        try await revoke(id: id, by: .operator(workspaceID: key.workspaceID))
    }

    private func revoke(id: String, by actor: Actor) async throws {
        let now = clock.now()
        try await store.write { session in
            guard try await session.apiKeys.revoke(id: id, at: now) else {
                throw RapportError.notFound("No API key with id \(id).")
            }
            try await session.audit.append(AuditRecord(.keyRevoked, subject: .apiKey(id)), by: actor, at: now)
        }
    }

    /// The live key of one of `kinds` whose secret is `secret`, or nil.
    public func authenticate(secret: String, kinds: Set<APIKeyKind> = [.secret]) async throws -> APIKey? {
        guard let kind = APIKeyKind.kind(of: secret), kinds.contains(kind) else { return nil }
        let hash = hasher.hash(secret)
        let key = try await store.read { session in try await session.apiKeys.find(secretHash: hash) }
        guard let key, key.revokedAt == nil, key.kind == kind else { return nil }
        return key
    }
}
