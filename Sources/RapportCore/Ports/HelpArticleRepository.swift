/// The help centre's articles.
public protocol HelpArticleRepository: Sendable {
    func insert(_ article: HelpArticle) async throws
    func update(_ article: HelpArticle) async throws
    func delete(id: String, workspaceID: String) async throws -> Bool
    func article(id: String, workspaceID: String) async throws -> HelpArticle?
    func article(slug: String, workspaceID: String) async throws -> HelpArticle?
    /// All of a workspace's articles, by title (a help centre holds tens to a few thousand).
    func articles(workspaceID: String) async throws -> [HelpArticle]
}
