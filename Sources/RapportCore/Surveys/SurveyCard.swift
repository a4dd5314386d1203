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
    /// The bottom of the scale (0 for NPS) and what it means ("not at all likely").
    public let lowest: Int
    public let lowestMeans: String

    public init(surveyID: String, kind: SurveyKind) {
        id = surveyID
        self.kind = kind
        lowest = kind.scale.lowerBound
        highest = kind.scale.upperBound
        (lowestMeans, highestMeans) = kind.scaleWords
    }

    /// The card a message carries, if its content names a survey.
    public init?(content: JSONValue?) {
        guard case .object(let fields)? = content, case .object(let survey)? = fields["survey"],
            case .string(let id)? = survey["id"], case .string(let name)? = survey["kind"], let kind = SurveyKind(rawValue: name)
        else { return nil }
        self.init(surveyID: id, kind: kind)
    }

    /// The message content that makes the question a card.
    public var content: JSONValue {
        .object(["survey": .object(["id": .string(id), "kind": .string(kind.rawValue)])])
    }
}
