/// Where anyone can read a help article: the bot links to it in its answers. The server's
/// route table says where that is; Core only asks.
public protocol HelpArticleLinks: Sendable {
    func link(workspaceID: String, slug: String) -> String
}
