import Foundation

/// One unit of background work, stored in the database so that nothing acknowledged is lost.
public struct Job: Sendable, Equatable {
    public var id: String
    /// Which handler runs it: `webhook.deliver`, `message.send`, …
    public var kind: JobKind
    /// The handler's input, as JSON.
    public var payload: String
    public var status: JobStatus
    /// At most one job of a kind carries a given key: enqueuing it again does nothing.
    public var uniqueKey: String?
    public var attempts: Int
    public var maxAttempts: Int
    /// When it may run next; for a running job, when its worker's lease ends.
    public var runAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, kind: JobKind, payload: String, status: JobStatus, uniqueKey: String?, attempts: Int, maxAttempts: Int,
        runAt: Date, lastError: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.status = status
        self.uniqueKey = uniqueKey
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
