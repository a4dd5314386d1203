import Foundation

/// A POST seen before under the same `Idempotency-Key`: its fingerprint and, once answered, its response.
public struct IdempotencyRecord: Sendable, Equatable {
    public var fingerprint: String
    public var status: Int?
    public var headers: String?
    public var body: String?
    public var createdAt: Date

    public init(fingerprint: String, status: Int?, headers: String?, body: String?, createdAt: Date) {
        self.fingerprint = fingerprint
        self.status = status
        self.headers = headers
        self.body = body
        self.createdAt = createdAt
    }
}
