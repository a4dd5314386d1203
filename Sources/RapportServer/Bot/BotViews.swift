import Foundation
import RapportCore
import RapportLearning

/// Builds the bot's page: its settings with every inbox, the intents of the current version
/// and the earlier versions, the help articles, and what a tried message gave.
struct BotViews: Sendable {
    let bot: BotService
    let inboxes: InboxService

    func page(actor: Actor) async throws -> BotPageView {
        let settings = try await bot.settings(as: actor)
        let set = try await bot.intentSet(as: actor)
        let versions = try await bot.intentSets(as: actor)
        let articles = try await bot.articles(as: actor)
        let inboxList = try await inboxes.inboxes(as: actor)
        return BotPageView(
            inboxes: inboxList.filter { BotService.answers($0.channel) }.map { inbox in
                BotPageView.Inbox(
                    id: inbox.id, name: inbox.name, channel: WebFormat.channelName(inbox.channel), on: settings.inboxIDs.contains(inbox.id))
            },
            returnWindowDays: settings.returnWindowDays, nonReturnableWords: settings.nonReturnableWords.joined(separator: ", "),
            returnInstructions: settings.returnInstructions, paymentLinkTemplate: settings.paymentLinkTemplate,
            handOffVIP: settings.handOffVIP, vipTag: settings.vipTag,
            version: set.version, versionBy: set.version == 0 ? "built in" : set.createdBy,
            intents: set.intents.map { intent in
                BotPageView.Intent(
                    name: intent.name, count: intent.examples.count, sample: intent.examples.prefix(3).joined(separator: " · "),
                    answer: intent.answer, builtIn: BuiltInIntents.all.contains { $0.name == intent.name })
            },
            versions: versions.map { earlier in
                BotPageView.Version(
                    version: earlier.version, by: earlier.createdBy, at: WebFormat.time(earlier.createdAt),
                    current: earlier.version == set.version, intents: earlier.intents.count)
            },
            hasVersions: !versions.isEmpty,
            articles: articles.map { article in
                BotPageView.Article(
                    id: article.id, title: article.title, slug: article.slug, updated: WebFormat.time(article.updatedAt),
                    link: SiteURL.helpArticle(workspaceID: article.workspaceID, slug: article.slug).path)
            })
    }

    func tried(_ analysis: BotAnalysis, text: String) -> BotPageView.Tried {
        let prediction = analysis.prediction
        return BotPageView.Tried(
            text: text,
            intent: prediction.intent ?? "out of scope",
            nearest: prediction.nearest, confidence: "\(Int((prediction.confidence * 100).rounded()))%",
            entities: analysis.entities.map {
                BotPageView.Tried.Entity(kind: $0.kind.rawValue.replacingOccurrences(of: "_", with: " "), value: $0.value)
            },
            sentiment: "\(analysis.sentiment.label.rawValue) (\(String(format: "%.2f", analysis.sentiment.score)))",
            article: analysis.knowledge.map { BotPageView.Tried.Passage(title: $0.answer.title, passage: $0.answer.passage, link: $0.link) },
            version: analysis.intentSetVersion)
    }
}
