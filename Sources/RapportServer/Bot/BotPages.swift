import Foundation
import Hummingbird
import RapportCore

/// `/bot`: switching the bot on per inbox and its return, payment and VIP rules; trying a
/// message; the intents (edit, add, restore an earlier version, each save retrained); and the
/// help articles it answers from. Managers and admins.
struct BotPages {
    /// The form trying a message.
    private struct TryForm: Decodable {
        let text: String?
    }

    /// The bot's settings: the inboxes it answers first, its return, payment and VIP rules.
    private struct SettingsForm: Decodable {
        let inboxIDs: [String]
        /// Nil when left empty (refused with its own words); a value that is not a whole number is refused.
        let returnWindowDays: Int?
        /// Comma-separated.
        let nonReturnableWords: String
        let returnInstructions: String
        let paymentLinkTemplate: String?
        let handOffVIP: Bool
        let vipTag: String

        enum CodingKeys: String, CodingKey {
            case inboxIDs = "inbox_id"
            case returnWindowDays, nonReturnableWords, returnInstructions, paymentLinkTemplate, handOffVIP, vipTag
        }
    }

    /// A new intent of the store's own. Its fields as typed: a refusal shows them again.
    private struct AddIntentForm: Decodable {
        let name: String
        /// One a line.
        let examples: String
        /// The bot service trims it; a blank answer is none.
        let answer: String
    }

    /// An intent's own page: its examples and answer changed, or the intent deleted. Its fields as
    /// typed: a refusal shows them again.
    private struct IntentForm: Decodable {
        /// One a line.
        let examples: String
        /// The bot service trims it; a blank answer is none.
        let answer: String
        let delete: Bool
    }

    /// Using an earlier version of the intents again (0 is the built-in set).
    private struct RestoreForm: Decodable {
        let version: Int?
    }

    /// A help article saved, or deleted. Its fields as typed: a refusal shows them again.
    private struct ArticleForm: Decodable {
        let slug: String
        let title: String
        let body: String
        let delete: Bool
    }

    /// Which form of the bot's page a refusal is shown at.
    private enum Section: String {
        case settings, intents
    }

    let bot: BotService
    let inboxes: InboxService
    let views: BotViews
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("bot") { request, context in try await render(context) }
        group.post("bot/settings") { request, context in try await submit(request, context, form: .settings, saveSettings) }
        group.post("bot/try") { request, context in
            let form = try await WebForm.read(request, context: context)
            do {
                let text = try form.decode(TryForm.self).text ?? ""
                let analysis = try await bot.tryMessage(text, as: context.actor)
                let tried = views.tried(analysis, text: text)
                return try await render(context) { $0.tried = tried }
            } catch RapportError.invalid(let problems) {
                let message = problems.map(WebFormat.problem).joined(separator: " ")
                return try await render(context, status: .unprocessableContent) { $0.tryError = message }
            }
        }
        group.post("bot/intents") { request, context in try await submit(request, context, form: .intents, addIntent) }
        group.post("bot/intents/restore") { request, context in try await submit(request, context, form: .intents, restore) }
        group.get("bot/intents/:name") { request, context in try await renderIntent(context, name: try context.parameters.require("name")) }
        group.post("bot/intents/:name") { request, context in
            let name = try context.parameters.require("name")
            let form = try await WebForm.read(request, context: context)
            // Outside the `do`: a refusal shows what was typed (all text and a box, so it cannot fail).
            let input = try form.decode(IntentForm.self)
            do {
                let trained = try await changeIntents(context) { intents in
                    guard let index = intents.firstIndex(where: { $0.name == name }) else {
                        throw RapportError.notFound("No intent \(name.prefix(50)).")
                    }
                    if input.delete {
                        intents.remove(at: index)
                    } else {
                        intents[index].examples = Self.lines(input.examples)
                        intents[index].answer = input.answer
                    }
                }
                return try await render(context) { $0.trained = trained }
            } catch RapportError.invalid(let problems) {
                return try await renderIntent(context, name: name, error: problems.map(WebFormat.problem).joined(separator: " "), draft: input)
            }
        }
        group.get("bot/articles/new") { request, context in try await renderArticle(context, article: nil) }
        group.get("bot/articles/:id") { request, context in
            try await renderArticle(context, article: try await bot.article(id: try context.parameters.require("id"), as: context.actor))
        }
        group.post("bot/articles") { request, context in try await saveArticle(request, context, id: nil) }
        group.post("bot/articles/:id") { request, context in try await saveArticle(request, context, id: try context.parameters.require("id")) }
    }

    /// The bot's page, with what `show` adds to it (a tried message, a trained version, a refusal).
    private func render(
        _ context: SignedInRequestContext, status: HTTPResponse.Status = .ok, _ show: (inout BotPageView) -> Void = { _ in }
    ) async throws -> Response {
        var view = try await views.page(actor: context.actor)
        show(&view)
        return try pages.render("bot", context, title: "Bot", section: "bot", view: view, status: status)
    }

    private func renderIntent(
        _ context: SignedInRequestContext, name: String, error: String? = nil, draft: IntentForm? = nil
    ) async throws -> Response {
        let set = try await bot.intentSet(as: context.actor)
        guard let intent = set.intents.first(where: { $0.name == name }) else { throw RapportError.notFound("No intent \(name.prefix(50)).") }
        let builtIn = BuiltInIntents.all.contains { $0.name == name }
        return try pages.render(
            "bot_intent", context, title: "Intent \(name)", section: "bot",
            view: BotIntentPageView(
                name: intent.name, builtIn: builtIn, version: set.version, error: error,
                examples: draft?.examples ?? intent.examples.joined(separator: "\n"), count: intent.examples.count,
                answer: draft?.answer ?? intent.answer ?? ""),
            status: error == nil ? .ok : .unprocessableContent)
    }

    private func renderArticle(
        _ context: SignedInRequestContext, article: HelpArticle?, error: String? = nil, draft: ArticleForm? = nil
    ) async throws -> Response {
        try context.actor.require(.manageBot)
        return try pages.render(
            "bot_article", context, title: article?.title ?? "New help article", section: "bot",
            view: BotArticlePageView(
                id: article?.id, error: error,
                slug: draft?.slug ?? article?.slug ?? "", titleText: draft?.title ?? article?.title ?? "",
                body: draft?.body ?? article?.body ?? "",
                link: article.map { SiteURL.helpArticle(workspaceID: $0.workspaceID, slug: $0.slug).path }),
            status: error == nil ? .ok : .unprocessableContent)
    }

    private func saveArticle(_ request: Request, _ context: SignedInRequestContext, id: String?) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let actor = context.actor
        // Outside the `do`: a refusal shows what was typed (all text and a box, so it cannot fail).
        let input = try form.decode(ArticleForm.self)
        if let id, input.delete {
            try await bot.deleteArticle(id: id, as: actor)
            return WebRedirect.to("/bot#articles")
        }
        do {
            _ = try await bot.saveArticle(id: id, slug: input.slug, title: input.title, body: input.body, as: actor)
            return WebRedirect.to("/bot#articles")
        } catch RapportError.invalid(let problems) {
            var existing: HelpArticle?
            if let id { existing = try await bot.article(id: id, as: actor) }
            return try await renderArticle(context, article: existing, error: problems.map(WebFormat.problem).joined(separator: " "), draft: input)
        }
    }

    /// Runs one form's change; a refusal re-renders the page with why and, at the intents,
    /// what was typed. A change that trained a version shows it; any other goes back to its form.
    private func submit<Input: Decodable>(
        _ request: Request, _ context: SignedInRequestContext, form section: Section,
        _ change: (Input, SignedInRequestContext) async throws -> BotPageView.Trained?
    ) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        do {
            guard let trained = try await change(try form.decode(Input.self), context) else { return WebRedirect.to("/bot#\(section.rawValue)") }
            return try await render(context) { $0.trained = trained }
        } catch RapportError.invalid(let problems) {
            let message = problems.map(WebFormat.problem).joined(separator: " ")
            switch section {
            case .settings:
                return try await render(context, status: .unprocessableContent) { $0.settingsError = message }
            case .intents:
                let typed = try form.decode(AddIntentForm.self)
                let draft = BotPageView.IntentDraft(name: typed.name, examples: typed.examples, answer: typed.answer)
                return try await render(context, status: .unprocessableContent) { view in
                    view.intentsError = message
                    view.intentsDraft = draft
                }
            }
        }
    }

    private func saveSettings(_ input: SettingsForm, _ context: SignedInRequestContext) async throws -> BotPageView.Trained? {
        guard let days = input.returnWindowDays else {
            throw RapportError.invalid(field: "return_window_days", "must be a whole number of days")
        }
        let settings = BotSettings(
            inboxIDs: input.inboxIDs, returnWindowDays: days,
            nonReturnableWords: input.nonReturnableWords.split(separator: ",").map { String($0) },
            returnInstructions: input.returnInstructions, paymentLinkTemplate: input.paymentLinkTemplate,
            handOffVIP: input.handOffVIP, vipTag: input.vipTag)
        try await bot.saveSettings(settings, as: context.actor)
        return nil
    }

    private func addIntent(_ input: AddIntentForm, _ context: SignedInRequestContext) async throws -> BotPageView.Trained? {
        let intent = BotIntent(name: input.name, examples: Self.lines(input.examples), answer: input.answer)
        return try await changeIntents(context) { $0.append(intent) }
    }

    private func restore(_ input: RestoreForm, _ context: SignedInRequestContext) async throws -> BotPageView.Trained? {
        guard let version = input.version else { throw RapportError.invalid(field: "version", "must be a version number") }
        let set = try await bot.restoreIntents(version: version, as: context.actor)
        return BotPageView.Trained(version: set.version, restored: version, seconds: "—")
    }

    /// Saves a changed copy of the current intents as a new version and says how long training took.
    private func changeIntents(
        _ context: SignedInRequestContext, _ change: (inout [BotIntent]) throws -> Void
    ) async throws -> BotPageView.Trained {
        let actor = context.actor
        var intents = try await bot.intentSet(as: actor).intents
        try change(&intents)
        let (set, seconds) = try await bot.saveIntents(intents, as: actor)
        return BotPageView.Trained(version: set.version, seconds: String(format: "%.2f s", seconds))
    }

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
