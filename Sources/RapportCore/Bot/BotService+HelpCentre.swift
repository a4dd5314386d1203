import Foundation

/// The help centre the bot answers from: Markdown articles managers write in Settings, read
/// by anyone at `/help/<workspace>/<slug>`.
extension BotService {
    public func articles(as actor: Actor) async throws -> [HelpArticle] {
        try actor.require(.manageBot)
        return try await store.read { session in try await session.helpArticles.articles(workspaceID: actor.workspaceID) }
    }

    public func article(id: String, as actor: Actor) async throws -> HelpArticle {
        try actor.require(.manageBot)
        guard let article = try await store.read({ session in try await session.helpArticles.article(id: id, workspaceID: actor.workspaceID) })
        else { throw RapportError.notFound("No help article \(id.prefix(64)).") }
        return article
    }

    /// Writes a new article (`id` nil) or changes one; the slug is unique in the workspace.
    public func saveArticle(id: String?, slug: String, title: String, body: String, as actor: Actor) async throws -> HelpArticle {
        try actor.require(.manageBot)
        let slug = slug.trimmed.lowercased()
        var problems = Problems(prefix: nil)
        let validSlug = (1...80).contains(slug.count) && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        if !validSlug { problems.add("slug", "must be 1 to 80 characters of a-z, 0-9 and -") }
        problems.text(title, "title", maxLength: 200)
        problems.text(body, "body", maxLength: 50_000)
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        return try await store.write { session in
            let now = clock.now()
            if let holder = try await session.helpArticles.article(slug: slug, workspaceID: actor.workspaceID), holder.id != id {
                throw RapportError.invalid(field: "slug", "is taken by the article \"\(holder.title)\"")
            }
            if let id {
                guard var article = try await session.helpArticles.article(id: id, workspaceID: actor.workspaceID) else {
                    throw RapportError.notFound("No help article \(id.prefix(64)).")
                }
                article.slug = slug
                article.title = title.trimmed
                article.body = body
                article.updatedAt = now
                try await session.helpArticles.update(article)
                return article
            }
            let article = HelpArticle(
                id: ResourceID.make(.helpArticle, at: now), workspaceID: actor.workspaceID, slug: slug, title: title.trimmed,
                body: body, createdAt: now, updatedAt: now)
            try await session.helpArticles.insert(article)
            return article
        }
    }

    public func deleteArticle(id: String, as actor: Actor) async throws {
        try actor.require(.manageBot)
        let deleted = try await store.write { session in try await session.helpArticles.delete(id: id, workspaceID: actor.workspaceID) }
        if !deleted { throw RapportError.notFound("No help article \(id.prefix(64)).") }
    }

    /// An article as the public help centre shows it.
    public func publishedArticle(workspaceID: String, slug: String) async throws -> HelpArticle {
        guard let article = try await store.read({ session in try await session.helpArticles.article(slug: slug, workspaceID: workspaceID) })
        else { throw RapportError.notFound("No such help article.") }
        return article
    }
}
