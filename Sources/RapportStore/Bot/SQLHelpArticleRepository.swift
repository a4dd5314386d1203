import Foundation
import RapportCore
import SQLKit

struct SQLHelpArticleRepository: HelpArticleRepository {
    let handle: SQLConnectionHandle

    func insert(_ article: HelpArticle) async throws {
        try await handle.sql.raw("""
            INSERT INTO knowledge_articles (id, workspace_id, slug, title, body, created_at, updated_at)
            VALUES (\(bind: article.id), \(bind: article.workspaceID), \(bind: article.slug), \(bind: article.title),
              \(bind: article.body), \(bind: Timestamp.microseconds(article.createdAt)), \(bind: Timestamp.microseconds(article.updatedAt)))
            """).run()
    }

    func update(_ article: HelpArticle) async throws {
        try await handle.sql.raw("""
            UPDATE knowledge_articles SET slug = \(bind: article.slug), title = \(bind: article.title), body = \(bind: article.body),
              updated_at = \(bind: Timestamp.microseconds(article.updatedAt))
            WHERE id = \(bind: article.id) AND workspace_id = \(bind: article.workspaceID)
            """).run()
    }

    func delete(id: String, workspaceID: String) async throws -> Bool {
        let existing = try await article(id: id, workspaceID: workspaceID)
        try await handle.sql.raw("DELETE FROM knowledge_articles WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").run()
        return existing != nil
    }

    func article(id: String, workspaceID: String) async throws -> HelpArticle? {
        try await handle.sql.raw("""
            SELECT * FROM knowledge_articles WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).first().map(decode)
    }

    func article(slug: String, workspaceID: String) async throws -> HelpArticle? {
        try await handle.sql.raw("""
            SELECT * FROM knowledge_articles WHERE slug = \(bind: slug) AND workspace_id = \(bind: workspaceID)
            """).first().map(decode)
    }

    func articles(workspaceID: String) async throws -> [HelpArticle] {
        try await handle.sql.raw("SELECT * FROM knowledge_articles WHERE workspace_id = \(bind: workspaceID) ORDER BY title, id")
            .all().map(decode)
    }

    private func decode(_ row: any SQLRow) throws -> HelpArticle {
        HelpArticle(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), slug: try row.string("slug"),
            title: try row.string("title"), body: try row.string("body"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
