import Foundation

/// One try at delivering an event to a subscription: the HTTP status, or the error when no
/// answer came.
public struct WebhookAttempt: Sendable, Equatable {
    public var id: String
    public var subscriptionID: String
    public var eventID: String
    public var attempt: Int
    public var statusCode: Int?
    public var error: String?
    public var durationMilliseconds: Int
    public var attemptedAt: Date

    public init(
        id: String, subscriptionID: String, eventID: String, attempt: Int, statusCode: Int?, error: String?,
        durationMilliseconds: Int, attemptedAt: Date
    ) {
        self.id = id
        self.subscriptionID = subscriptionID
        self.eventID = eventID
        self.attempt = attempt
        self.statusCode = statusCode
        self.error = error
        self.durationMilliseconds = durationMilliseconds
        self.attemptedAt = attemptedAt
    }

    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}
