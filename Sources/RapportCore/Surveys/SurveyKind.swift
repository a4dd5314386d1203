/// What a survey asks: Net Promoter Score (0–10: detractors 0–6, passives 7–8, promoters
/// 9–10), customer satisfaction (1–5: satisfied 4–5) or customer effort (1–7: easy 5–7).
public enum SurveyKind: String, Sendable, Codable, CaseIterable {
    case nps
    case csat
    case ces

    public var scale: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }

    /// The question, in the store's name.
    public func question(store: String) -> String {
        switch self {
        case .nps: "How likely are you to recommend \(store) to a friend or colleague?"
        case .csat: "How satisfied are you with the help you got from \(store)?"
        case .ces: "How easy was it to get what you needed from \(store)?"
        }
    }

    /// What the ends of the scale mean, for the answer page and text messages.
    public var scaleWords: (low: String, high: String) {
        switch self {
        case .nps: ("not at all likely", "extremely likely")
        case .csat: ("very unsatisfied", "very satisfied")
        case .ces: ("very difficult", "very easy")
        }
    }

    /// A good answer: a promoter, a satisfied customer, an easy experience.
    public func isPositive(_ score: Int) -> Bool {
        switch self {
        case .nps: score >= 9
        case .csat: score >= 4
        case .ces: score >= 5
        }
    }

    /// A bad answer, which opens a follow-up for the team: a detractor (0–6), an unsatisfied
    /// customer (1–2), a hard experience (1–3).
    public func isNegative(_ score: Int) -> Bool {
        switch self {
        case .nps: score <= 6
        case .csat: score <= 2
        case .ces: score <= 3
        }
    }

    /// The customer attribute the latest answer is kept in, for segments and journeys.
    public var attributeKey: String { "last_\(rawValue)_score" }
}
