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

    /// The question, in the store's name and the customer's language.
    public func question(store: String, in language: BotLanguage) -> String {
        switch self {
        case .nps: language.say(
            "How likely are you to recommend \(store) to a friend or colleague?",
            "Seberapa besar kemungkinan Anda merekomendasikan \(store) kepada teman atau rekan kerja?")
        case .csat: language.say(
            "How satisfied are you with the help you got from \(store)?", "Seberapa puas Anda dengan bantuan yang Anda terima dari \(store)?")
        case .ces: language.say(
            "How easy was it to get what you needed from \(store)?", "Seberapa mudah bagi Anda untuk mendapatkan apa yang Anda butuhkan dari \(store)?")
        }
    }

    /// What the ends of the scale mean, for the answer page, the web chat card and text messages.
    public func scaleWords(in language: BotLanguage) -> (low: String, high: String) {
        switch self {
        case .nps: (language.say("not at all likely", "sama sekali tidak mungkin"), language.say("extremely likely", "sangat mungkin"))
        case .csat: (language.say("very unsatisfied", "sangat tidak puas"), language.say("very satisfied", "sangat puas"))
        case .ces: (language.say("very difficult", "sangat sulit"), language.say("very easy", "sangat mudah"))
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
