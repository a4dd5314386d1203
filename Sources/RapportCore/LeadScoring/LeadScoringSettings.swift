import Foundation

/// The workspace's hot score: a lead whose score rises to it is handed to sales (a task for its
/// owner, an alert, `lead.score_crossed`). Nil: no lead is handed over by its score.
public struct LeadScoringSettings: Sendable, Equatable {
    public static let hotScores = 1...10_000

    public var hotScore: Int?
    public var updatedAt: Date?

    public init(hotScore: Int? = nil, updatedAt: Date? = nil) {
        self.hotScore = hotScore
        self.updatedAt = updatedAt
    }
}
