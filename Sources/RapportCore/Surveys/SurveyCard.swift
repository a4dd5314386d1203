/// A survey's question as a card in the web chat: the message's structured content names the
/// survey, and the visitor's window shows a button per score (`VisitorMessage.survey`). A
/// button sends its number as the visitor's message, which answers as a typed number does.
/// Properties in sorted key order: the visitor's documents are written in declaration order.
public struct SurveyCard: Encodable, Sendable, Equatable {
    /// The top of the scale (10 for NPS) and what it means ("extremely likely").
    public let highest: Int
    public let highestMeans: String
    /// The survey asked: the visitor's own, for a widget of the shop's that shows it its way.
    public let id: String
    public let kind: SurveyKind
    /// What a screen reader says of the buttons: "Your answer, from 1 (very unsatisfied) to 5
    /// (very satisfied)", in the survey's language.
    public let label: String
    /// `en` or `id`: the language of the words (the widget marks the buttons with it).
    public let language: BotLanguage
    /// The bottom of the scale (0 for NPS) and what it means ("not at all likely").
    public let lowest: Int
    public let lowestMeans: String

    public init(surveyID: String, kind: SurveyKind, language: BotLanguage) {
        id = surveyID
        self.kind = kind
        self.language = language
        lowest = kind.scale.lowerBound
        highest = kind.scale.upperBound
        (lowestMeans, highestMeans) = kind.scaleWords(in: language)
        label = language.say(
            "Your answer, from \(lowest) (\(lowestMeans)) to \(highest) (\(highestMeans))",
            "Jawaban Anda, dari \(lowest) (\(lowestMeans)) sampai \(highest) (\(highestMeans))")
    }

    /// The card a message carries, if its content names a survey (English when it names no
    /// language: a card written before surveys had one).
    public init?(content: JSONValue?) {
        guard case .object(let fields)? = content, case .object(let survey)? = fields["survey"],
            case .string(let id)? = survey["id"], case .string(let name)? = survey["kind"], let kind = SurveyKind(rawValue: name)
        else { return nil }
        let language = survey["language"]?.text.flatMap(BotLanguage.init(rawValue:)) ?? .english
        self.init(surveyID: id, kind: kind, language: language)
    }

    /// The message content that makes the question a card.
    public var content: JSONValue {
        .object(["survey": .object(["id": .string(id), "kind": .string(kind.rawValue), "language": .string(language.rawValue)])])
    }

}
