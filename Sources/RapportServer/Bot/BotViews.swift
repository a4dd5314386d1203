import Foundation
import RapportCore
import RapportLearning

/// The values of the bot's page: its settings with every inbox, the intents of the current
/// version and the earlier versions, the help articles, and what a tried message gave.
struct BotViews: Sendable {
    let bot: BotService
    let inboxes: InboxService

    func values(actor: Actor) async throws -> [String: Any] {
        let settings = try await bot.settings(as: actor)
        let set = try await bot.intentSet(as: actor)
        let versions = try await bot.intentSets(as: actor)
        let articles = try await bot.articles(as: actor)
        let inboxList = try await inboxes.inboxes(as: actor)
        return ViewValues.make([
            "inboxes": inboxList.filter { BotService.answers($0.channel) }.map { inbox -> [String: Any] in
                ["id": inbox.id, "name": inbox.name, "channel": WebFormat.channelName(inbox.channel), "on": settings.inboxIDs.contains(inbox.id)]
            },
            "return_window_days": settings.returnWindowDays, "non_returnable_words": settings.nonReturnableWords.joined(separator: ", "),
            "return_instructions": settings.returnInstructions, "payment_link_template": settings.paymentLinkTemplate,
            "hand_off_vip": settings.handOffVIP, "vip_tag": settings.vipTag,
            "version": set.version, "version_by": set.version == 0 ? "built in" : set.createdBy,
            "intents": set.intents.map { intent -> [String: Any] in
                ViewValues.make([
                    "name": intent.name, "count": intent.examples.count, "sample": intent.examples.prefix(3).joined(separator: " · "),
                    "answer": intent.answer, "built_in": BuiltInIntents.all.contains { $0.name == intent.name },
                ])
            },
            "versions": versions.map { earlier -> [String: Any] in
                [
                    "version": earlier.version, "by": earlier.createdBy, "at": WebFormat.time(earlier.createdAt),
                    "current": earlier.version == set.version, "intents": earlier.intents.count,
                ]
            },
            "articles": articles.map { article -> [String: Any] in
                [
                    "id": article.id, "title": article.title, "slug": article.slug, "updated": WebFormat.time(article.updatedAt),
                    "link": SiteURL.helpArticle(workspaceID: article.workspaceID, slug: article.slug).path,
                ]
            },
        ])
    }

    func values(_ analysis: BotAnalysis, text: String) -> [String: Any] {
        let prediction = analysis.prediction
        return ViewValues.make([
            "text": text,
            "intent": prediction.intent ?? "out of scope",
            "nearest": prediction.nearest, "confidence": "\(Int((prediction.confidence * 100).rounded()))%",
            "entities": analysis.entities.map { ["kind": $0.kind.rawValue.replacingOccurrences(of: "_", with: " "), "value": $0.value] },
            "sentiment": "\(analysis.sentiment.label.rawValue) (\(String(format: "%.2f", analysis.sentiment.score)))",
            "article": analysis.knowledge.map { ["title": $0.answer.title, "passage": $0.answer.passage, "link": $0.link] },
            "version": analysis.intentSetVersion,
        ])
    }
}
