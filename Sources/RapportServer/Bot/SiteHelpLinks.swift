import RapportCore

/// Help-article links at Rapport's public address, from the route table.
struct SiteHelpLinks: HelpArticleLinks {
    let base: String

    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func link(workspaceID: String, slug: String) -> String {
        base + SiteURL.helpArticle(workspaceID: workspaceID, slug: slug).path
    }
}
