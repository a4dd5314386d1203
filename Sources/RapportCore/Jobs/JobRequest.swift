import Foundation

/// A job to enqueue; `runAt` nil means now.
public struct JobRequest: Sendable, Equatable {
    public var kind: JobKind
    public var payload: String
    public var runAt: Date?
    public var uniqueKey: String?
    public var maxAttempts: Int

    public init(kind: JobKind, payload: String, runAt: Date? = nil, uniqueKey: String? = nil, maxAttempts: Int = 8) {
        self.kind = kind
        self.payload = payload
        self.runAt = runAt
        self.uniqueKey = uniqueKey
        self.maxAttempts = maxAttempts
    }
}
