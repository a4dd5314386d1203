import RapportLearning

/// What the bot reads from a message before looking at the store: the intent, entities,
/// sentiment and the help centre's best passage.
public struct BotAnalysis: Sendable {
    public var prediction: IntentPrediction
    public var entities: [Entity]
    public var sentiment: Sentiment
    public var knowledge: (answer: KnowledgeAnswer, link: String)?
    /// The answers of the workspace's own intents, by name.
    public var intentAnswers: [String: String]
    public var intentSetVersion: Int
}
