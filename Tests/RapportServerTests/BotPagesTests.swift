import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Setting the bot up in the web workspace: a manager switches it on for an inbox, adds an
/// intent of the store's own (a new, retrained version), tries a message, writes a help
/// article; an agent may do none of it.
@Suite("Bot pages")
struct BotPagesTests {
    typealias Web = WebWorkspaceTests

    @Test("a manager configures the bot, adds an intent, tries a message and writes an article; bad input is refused with the reason", arguments: TestDatabase.available)
    func configure(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Web.user(api, .manager)
            _ = try await Web.user(api, .agent)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "Shop SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456"],
                teamID: nil, as: .operator(workspaceID: api.workspaceID))
            let manager = try await Web.signIn(api, "manager@shop.test")
            let page = try await Web.get(api, "/bot", cookie: manager.cookie)
            #expect(page.status == .ok && page.text.contains("Shop SMS") && page.text.contains("order_status"))

            let bad = try await Web.post(api, "/bot/settings", [
                ("_csrf", manager.csrf), ("inbox_id", inbox.id), ("return_window_days", "900"), ("vip_tag", "vip"),
                ("return_instructions", "Send it back."),
            ], cookie: manager.cookie)
            #expect(bad.status == .unprocessableContent && bad.text.contains("between 0 and 365"))
            #expect(try await api.services.bot.settings(as: .operator(workspaceID: api.workspaceID)).inboxIDs.isEmpty, "nothing saved")
            let store = try await api.services.inboxes.createInbox(
                channel: .store, name: "Berlin store", settings: [:], teamID: nil, as: .operator(workspaceID: api.workspaceID))
            let visits = try await Web.post(api, "/bot/settings", [
                ("_csrf", manager.csrf), ("inbox_id", store.id), ("return_window_days", "30"), ("vip_tag", "vip"), ("return_instructions", "Send it back."),
            ], cookie: manager.cookie)
            #expect(visits.status == .unprocessableContent && visits.text.contains("written messages only"))
            let saved = try await Web.post(api, "/bot/settings", [
                ("_csrf", manager.csrf), ("inbox_id", inbox.id), ("return_window_days", "14"), ("vip_tag", "VIP"), ("hand_off_vip", "1"),
                ("return_instructions", "Send it back with {{return.id}}."), ("payment_link_template", "https://shop.example/pay/{{order.number}}"),
                ("non_returnable_words", "gift card, sale"),
            ], cookie: manager.cookie)
            #expect(saved.status == .seeOther)
            let settings = try await api.services.bot.settings(as: .operator(workspaceID: api.workspaceID))
            #expect(settings.inboxIDs == [inbox.id] && settings.returnWindowDays == 14 && settings.handOffVIP && settings.vipTag == "vip")
            #expect(settings.nonReturnableWords == ["gift card", "sale"])

            let missingAnswer = try await Web.post(api, "/bot/intents", [
                ("_csrf", manager.csrf), ("name", "loyalty_points"), ("examples", "how many points do I have\nmy loyalty balance"),
            ], cookie: manager.cookie)
            #expect(missingAnswer.status == .unprocessableContent && missingAnswer.text.contains("needs the answer"))
            let added = try await Web.post(api, "/bot/intents", [
                ("_csrf", manager.csrf), ("name", "loyalty_points"),
                ("examples", "how many points do I have\nmy loyalty balance\nhow do loyalty points work\nberapa poin saya"),
                ("answer", "You collect 1 point per euro; see your balance under My account."),
            ], cookie: manager.cookie)
            #expect(added.status == .ok && added.text.contains("Saved as version 1"))
            let tried = try await Web.post(api, "/bot/try", [("_csrf", manager.csrf), ("text", "how many loyalty points do I have?")], cookie: manager.cookie)
            #expect(tried.text.contains("<strong data-intent>loyalty_points</strong>"))
            let entities = try await Web.post(api, "/bot/try", [("_csrf", manager.csrf), ("text", "where is order #1001, mail me at sam@example.com")], cookie: manager.cookie)
            #expect(entities.text.contains("<strong data-intent>order_status</strong>") && entities.text.contains("sam@example.com"))

            let blank = try await Web.post(api, "/bot/try", [("_csrf", manager.csrf), ("text", "  ")], cookie: manager.cookie)
            #expect(blank.status == .unprocessableContent && blank.text.contains("1 to 2000 characters"))
            let unknown = try await Web.post(api, "/bot/intents/no_such_intent", [("_csrf", manager.csrf), ("examples", "a\nb")], cookie: manager.cookie)
            #expect(unknown.status == .notFound)
            let edited = try await Web.post(api, "/bot/intents/greeting", [("_csrf", manager.csrf), ("examples", "hi")], cookie: manager.cookie)
            #expect(edited.status == .unprocessableContent && edited.text.contains("at least 2 examples"))
            #expect(try await api.services.bot.intentSet(as: .operator(workspaceID: api.workspaceID)).version == 1)

            let article = try await Web.post(api, "/bot/articles", [
                ("_csrf", manager.csrf), ("title", "Opening hours"), ("slug", "opening-hours"),
                ("body", "# Opening hours\n\nThe Bandung store is open **10:00 to 21:00** every day.\n\n<script>alert(1)</script>"),
            ], cookie: manager.cookie)
            #expect(article.status == .seeOther)
            let taken = try await Web.post(api, "/bot/articles", [
                ("_csrf", manager.csrf), ("title", "Hours again"), ("slug", "opening-hours"), ("body", "Same address."),
            ], cookie: manager.cookie)
            #expect(taken.status == .unprocessableContent && taken.text.contains("is taken"))
            let help = try await Web.get(api, "/help/\(api.workspaceID)/opening-hours", cookie: nil)
            #expect(help.status == .ok && help.text.contains("<strong>10:00 to 21:00</strong>"))
            #expect(!help.text.contains("<script>alert(1)</script>") && help.text.contains("&lt;script&gt;"))
            let answered = try await Web.post(api, "/bot/try", [("_csrf", manager.csrf), ("text", "what are the opening hours of the Bandung store")], cookie: manager.cookie)
            #expect(answered.text.contains("/help/\(api.workspaceID)/opening-hours"))

            let agent = try await Web.signIn(api, "agent@shop.test")
            #expect(try await Web.get(api, "/bot", cookie: agent.cookie).status == .forbidden)
            let refused = try await Web.post(api, "/bot/settings", [("_csrf", agent.csrf), ("return_window_days", "1")], cookie: agent.cookie)
            #expect(refused.status == .forbidden)
        }
    }
}
