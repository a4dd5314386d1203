import Foundation
import Hummingbird
import RapportCore

/// `/help/<workspace>/<slug>`: a help article for anyone (the bot links to it), its Markdown
/// rendered on the server.
struct HelpPages {
    let bot: BotService
    let pages: WebPages

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get(RouterPath(SiteURL.helpArticleRoute)) { request, context in
            let article = try await bot.publishedArticle(
                workspaceID: try context.parameters.require("workspace"), slug: try context.parameters.require("slug"))
            let html = MarkdownHTML.render(article.body)
            let startsWithTitle = html.hasPrefix("<h1>")
            return try pages.render(
                "help_article", context, title: article.title, section: "help",
                view: HelpArticlePageView(heading: startsWithTitle ? nil : article.title, body: html, updated: WebFormat.day(article.updatedAt)))
        }
    }
}
