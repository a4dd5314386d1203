import Foundation

/// An article of the store's help centre, in Markdown. The bot answers questions with its
/// best passage and a link to `/help/<workspace>/<slug>`.
public struct HelpArticle: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    /// The article's name in its address: a-z, 0-9 and `-`, unique in the workspace.
    public var slug: String
    public var title: String
    public var body: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, workspaceID: String, slug: String, title: String, body: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.slug = slug
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
