import RapportCore

/// Help-article links for services tested without the server: an address that names the
/// article, so a test can tell which one the bot quoted.
public struct TestHelpLinks: HelpArticleLinks {
    public init() {}

    public func link(workspaceID: String, slug: String) -> String {
        "https://rapport.test/articles/\(workspaceID)/\(slug)"
    }
}
