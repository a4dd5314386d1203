import Foundation
import Hummingbird
import RapportCore

/// `/bot`: switching the bot on per inbox and its return, payment and VIP rules; trying a
/// message; the intents (edit, add, restore an earlier version, each save retrained); and the
/// help articles it answers from. Managers and admins.
struct BotPages {
    let bot: BotService
    let inboxes: InboxService
    let views: BotViews
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("bot") { request, context in try await render(context) }
        group.post("bot/settings") { request, context in try await submit(request, context, form: "settings", saveSettings) }
        group.post("bot/try") { request, context in
            let form = try await WebForm.read(request, context: context)
            let text = form.text("text") ?? ""
            do {
                let analysis = try await bot.tryMessage(text, as: context.actor)
                return try await render(context, extra: ["tried": views.values(analysis, text: text)])
            } catch RapportError.invalid(let problems) {
                return try await render(context, extra: ["try_error": problems.map(WebFormat.problem).joined(separator: " ")], status: .unprocessableContent)
            }
        }
        group.post("bot/intents") { request, context in try await submit(request, context, form: "intents", addIntent) }
        group.post("bot/intents/restore") { request, context in try await submit(request, context, form: "intents", restore) }
        group.get("bot/intents/:name") { request, context in try await renderIntent(context, name: try context.parameters.require("name")) }
        group.post("bot/intents/:name") { request, context in
            let name = try context.parameters.require("name")
            let form = try await WebForm.read(request, context: context)
            do {
                let saved = try await changeIntents(context) { intents in
                    guard let index = intents.firstIndex(where: { $0.name == name }) else { throw RapportError.notFound("No intent \(name.prefix(50)).") }
                    if form["delete"] == "1" {
                        intents.remove(at: index)
                    } else {
                        intents[index].examples = Self.lines(form["examples"])
                        intents[index].answer = form.text("answer")
                    }
                }
                return try await render(context, extra: ["trained": saved])
            } catch RapportError.invalid(let problems) {
                return try await renderIntent(
                    context, name: name, error: problems.map(WebFormat.problem).joined(separator: " "),
                    draft: ["examples": form["examples"] ?? "", "answer": form["answer"] ?? ""])
            }
        }
        group.get("bot/articles/new") { request, context in try await renderArticle(context, article: nil) }
        group.get("bot/articles/:id") { request, context in
            try await renderArticle(context, article: try await bot.article(id: try context.parameters.require("id"), as: context.actor))
        }
        group.post("bot/articles") { request, context in try await saveArticle(request, context, id: nil) }
        group.post("bot/articles/:id") { request, context in try await saveArticle(request, context, id: try context.parameters.require("id")) }
    }

    private func render(_ context: SignedInRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        var values = try await views.values(actor: context.actor)
        values.merge(extra) { _, new in new }
        return try pages.render("bot", context, title: "Bot", section: "bot", values: values, status: status)
    }

    private func renderIntent(_ context: SignedInRequestContext, name: String, error: String? = nil, draft: [String: String]? = nil) async throws -> Response {
        let set = try await bot.intentSet(as: context.actor)
        guard let intent = set.intents.first(where: { $0.name == name }) else { throw RapportError.notFound("No intent \(name.prefix(50)).") }
        let builtIn = BuiltInIntents.all.contains { $0.name == name }
        return try pages.render(
            "bot_intent", context, title: "Intent \(name)", section: "bot",
            values: ViewValues.make([
                "name": intent.name, "built_in": builtIn, "version": set.version, "error": error,
                "examples": draft?["examples"] ?? intent.examples.joined(separator: "\n"), "count": intent.examples.count,
                "answer": draft?["answer"] ?? intent.answer ?? "",
            ]),
            status: error == nil ? .ok : .unprocessableContent)
    }

    private func renderArticle(
        _ context: SignedInRequestContext, article: HelpArticle?, error: String? = nil, draft: WebForm? = nil
    ) async throws -> Response {
        try context.actor.require(.manageBot)
        return try pages.render(
            "bot_article", context, title: article?.title ?? "New help article", section: "bot",
            values: ViewValues.make([
                "id": article?.id, "error": error,
                "slug": draft?["slug"] ?? article?.slug ?? "", "title_text": draft?["title"] ?? article?.title ?? "",
                "body": draft?["body"] ?? article?.body ?? "",
                "link": article.map { SiteURL.helpArticle(workspaceID: $0.workspaceID, slug: $0.slug).path },
            ]),
            status: error == nil ? .ok : .unprocessableContent)
    }

    private func saveArticle(_ request: Request, _ context: SignedInRequestContext, id: String?) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let actor = context.actor
        if let id, form["delete"] == "1" {
            try await bot.deleteArticle(id: id, as: actor)
            return WebRedirect.to("/bot#articles")
        }
        do {
            _ = try await bot.saveArticle(
                id: id, slug: form["slug"] ?? "", title: form["title"] ?? "", body: form["body"] ?? "", as: actor)
            return WebRedirect.to("/bot#articles")
        } catch RapportError.invalid(let problems) {
            var existing: HelpArticle?
            if let id { existing = try await bot.article(id: id, as: actor) }
            return try await renderArticle(context, article: existing, error: problems.map(WebFormat.problem).joined(separator: " "), draft: form)
        }
    }

    /// Runs one form's change; a refusal re-renders the page with what was typed and why.
    private func submit(
        _ request: Request, _ context: SignedInRequestContext, form name: String,
        _ change: (WebForm, SignedInRequestContext) async throws -> [String: Any]?
    ) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        do {
            guard let shown = try await change(form, context) else { return WebRedirect.to("/bot#\(name)") }
            return try await render(context, extra: shown)
        } catch RapportError.invalid(let problems) {
            var draft: [String: Any] = [:]
            for (field, value) in form.fields where field != "_csrf" { draft[field] = value }
            return try await render(
                context, extra: ["\(name)_error": problems.map(WebFormat.problem).joined(separator: " "), "\(name)_draft": draft],
                status: .unprocessableContent)
        }
    }

    private func saveSettings(_ form: WebForm, _ context: SignedInRequestContext) async throws -> [String: Any]? {
        guard let days = Int(form["return_window_days"] ?? "") else {
            throw RapportError.invalid(field: "return_window_days", "must be a whole number of days")
        }
        let settings = BotSettings(
            inboxIDs: form.all("inbox_id"), returnWindowDays: days,
            nonReturnableWords: (form["non_returnable_words"] ?? "").split(separator: ",").map { String($0) },
            returnInstructions: form["return_instructions"] ?? "", paymentLinkTemplate: form.text("payment_link_template"),
            handOffVIP: form["hand_off_vip"] == "1", vipTag: form["vip_tag"] ?? "")
        try await bot.saveSettings(settings, as: context.actor)
        return nil
    }

    private func addIntent(_ form: WebForm, _ context: SignedInRequestContext) async throws -> [String: Any]? {
        let intent = BotIntent(name: form["name"] ?? "", examples: Self.lines(form["examples"]), answer: form.text("answer"))
        return ["trained": try await changeIntents(context) { $0.append(intent) }]
    }

    private func restore(_ form: WebForm, _ context: SignedInRequestContext) async throws -> [String: Any]? {
        guard let version = Int(form["version"] ?? "") else { throw RapportError.invalid(field: "version", "must be a version number") }
        let set = try await bot.restoreIntents(version: version, as: context.actor)
        return ["trained": ["version": set.version, "restored": version, "seconds": "—"]]
    }

    /// Saves a changed copy of the current intents as a new version and says how long training took.
    private func changeIntents(_ context: SignedInRequestContext, _ change: (inout [BotIntent]) throws -> Void) async throws -> [String: Any] {
        let actor = context.actor
        var intents = try await bot.intentSet(as: actor).intents
        try change(&intents)
        let (set, seconds) = try await bot.saveIntents(intents, as: actor)
        return ["version": set.version, "seconds": String(format: "%.2f s", seconds)]
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
