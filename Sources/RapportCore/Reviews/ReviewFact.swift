import Foundation

/// What seller reputation reads of one approved review: its rating, when it was written and
/// when the seller answered it.
public struct ReviewFact: Sendable, Equatable {
    public var rating: Int
    public var createdAt: Date
    public var repliedAt: Date?

    public init(rating: Int, createdAt: Date, repliedAt: Date?) {
        self.rating = rating
        self.createdAt = createdAt
        self.repliedAt = repliedAt
    }
}
