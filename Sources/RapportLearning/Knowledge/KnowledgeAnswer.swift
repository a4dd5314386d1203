/// The passage that best answers a question, with its article and BM25 score.
public struct KnowledgeAnswer: Sendable, Equatable {
    public var articleID: String
    public var title: String
    public var passage: String
    public var score: Double
}
