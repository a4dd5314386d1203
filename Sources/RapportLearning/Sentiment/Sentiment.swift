/// How a message sounds: a score from −1 (angry) to 1 (delighted) and its label.
public struct Sentiment: Sendable, Equatable {
    public enum Label: String, Sendable {
        case negative, neutral, positive
    }

    public var score: Double
    public var label: Label

    public init(score: Double) {
        self.score = score
        self.label = score <= -0.25 ? .negative : score >= 0.25 ? .positive : .neutral
    }
}
