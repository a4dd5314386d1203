/// A help-centre article the bot answers questions from: a title and a Markdown body.
public struct KnowledgeArticle: Sendable, Equatable {
    public var id: String
    public var title: String
    public var body: String

    public init(id: String, title: String, body: String) {
        self.id = id
        self.title = title
        self.body = body
    }
}
