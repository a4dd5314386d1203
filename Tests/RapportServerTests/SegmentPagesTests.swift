import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Segment pages")
struct SegmentPagesTests {
    /// Three customers tagged `vip`, one also `newsletter`, and one with neither.
    static func customers(_ api: APIHarness) async throws {
        for (index, tags) in [["vip"], ["vip"], ["vip", "newsletter"], []].enumerated() {
            let tagList = tags.map { "\"\($0)\"" }.joined(separator: ",")
            let reply = try await api.send(.post, "/api/v1/customers", json: """
                {"identities":[{"kind":"email","value":"page\(index)@example.com"}],"first_name":"Page\(index)","tags":[\(tagList)]}
                """)
            #expect(reply.status == .created || reply.status == .ok, "\(reply.object)")
        }
    }

    static func location(_ response: TestResponse) -> String {
        response.headers[.location] ?? ""
    }

    @Test("a marketer builds a segment with the form, sees it counted, described, charted and listed, and changes it", arguments: TestDatabase.available)
    func build(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            try await Self.customers(api)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")

            let empty = try await WebWorkspaceTests.get(api, "/segments", cookie: marketer.cookie)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("href=\"/segments/new\"") && empty.text.contains("No segment or list yet."))
            #expect(empty.text.contains("<a href=\"/segments\" aria-current=\"page\">Segments</a>"))
            let builder = try await WebWorkspaceTests.get(api, "/segments/new", cookie: marketer.cookie)
            #expect(builder.status == .ok)
            #expect(builder.text.contains("data-catalogue=\"{") && builder.text.contains("name=\"definition\"") && builder.text.contains("/assets/segments.js"))
            #expect(builder.text.contains("orders.count") && builder.text.contains("within_days"))

            let definition = #"{"all":[{"field":"tags","op":"contains","value":"vip"}]}"#
            let created = try await WebWorkspaceTests.post(
                api, "/segments", [("_csrf", marketer.csrf), ("name", "VIPs"), ("description", "Our best"), ("definition", definition)],
                cookie: marketer.cookie)
            #expect(created.status == .seeOther)
            let path = Self.location(created)
            #expect(path.hasPrefix("/segments/seg_"))
            let id = String(path.dropFirst("/segments/".count))
            let page = try await WebWorkspaceTests.get(api, path, cookie: marketer.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>VIPs</h1>") && page.text.contains("Our best"))
            #expect(page.text.contains("data-count=\"3\""))
            #expect(page.text.contains("Tags include “vip”"))
            #expect(page.text.contains("<svg class=\"chart\""))
            #expect(page.text.contains("No other segment names this one.") && page.text.contains("No campaigns or journeys yet"))
            #expect(page.text.contains("href=\"/segments/\(id)/members.csv\""))
            #expect(page.text.components(separatedBy: "href=\"/customers/cus_").count == 4, "the three members link to their pages")
            #expect(page.text.contains("action=\"/segments/\(id)/rebuild\"") && page.text.contains("action=\"/segments/\(id)/delete\""))

            let list = try await WebWorkspaceTests.get(api, "/segments", cookie: marketer.cookie)
            #expect(list.text.contains("href=\"/segments/\(id)\">VIPs</a>"))
            #expect(list.text.contains("<td class=\"num members\">3</td>"))

            // A definition refused says which part is at fault, and keeps what was typed.
            let wrong = #"{"all":[{"field":"tags","op":">","value":"vip"}]}"#
            let refused = try await WebWorkspaceTests.post(
                api, "/segments", [("_csrf", marketer.csrf), ("name", "Wrong"), ("definition", wrong)], cookie: marketer.cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("data-error-field=\"definition.all[0].op\"") && refused.text.contains("Definition.all[0].op"))
            #expect(refused.text.contains("value=\"Wrong\""))
            let notJSON = try await WebWorkspaceTests.post(
                api, "/segments", [("_csrf", marketer.csrf), ("name", "Broken"), ("definition", "{\"all\":")], cookie: marketer.cookie)
            #expect(notJSON.status == .unprocessableContent && notJSON.text.contains("is not JSON"))
            let taken = try await WebWorkspaceTests.post(
                api, "/segments", [("_csrf", marketer.csrf), ("name", "vips"), ("definition", definition)], cookie: marketer.cookie)
            #expect(taken.status == .conflict && taken.text.contains("exists already"))

            // Editing: the builder holds the saved definition; a new one rebuilds the membership.
            let edit = try await WebWorkspaceTests.get(api, "/segments/\(id)/edit", cookie: marketer.cookie)
            #expect(edit.status == .ok && edit.text.contains("action=\"/segments/\(id)\"") && edit.text.contains("&quot;vip&quot;"))
            let narrower = #"{"all":[{"field":"tags","op":"contains","value":"vip"},{"field":"tags","op":"contains","value":"newsletter"}]}"#
            let updated = try await WebWorkspaceTests.post(
                api, "/segments/\(id)", [("_csrf", marketer.csrf), ("name", "VIP readers"), ("description", ""), ("definition", narrower)],
                cookie: marketer.cookie)
            #expect(updated.status == .seeOther && Self.location(updated) == "/segments/\(id)")
            let changed = try await WebWorkspaceTests.get(api, "/segments/\(id)", cookie: marketer.cookie)
            #expect(changed.text.contains("<h1>VIP readers</h1>") && changed.text.contains("data-count=\"1\"") && !changed.text.contains("Our best"))

            let rebuilt = try await WebWorkspaceTests.post(api, "/segments/\(id)/rebuild", [("_csrf", marketer.csrf)], cookie: marketer.cookie)
            #expect(rebuilt.status == .seeOther)
            let afterRebuild = try await WebWorkspaceTests.get(api, Self.location(rebuilt), cookie: marketer.cookie)
            #expect(afterRebuild.text.contains("Rebuilt from scratch: 0 entered, 0 left."))
        }
    }

    @Test("where a segment is used, freezing it into a list, deleting, and what an agent may do", arguments: TestDatabase.available)
    func useFreezeDelete(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            try await Self.customers(api)
            let base = try await api.send(.post, "/api/v1/segments", json: #"{"name":"VIPs","definition":{"field":"tags","op":"contains","value":"vip"}}"#)
            let baseID = try #require(base.object["id"] as? String)
            let user = try await api.send(.post, "/api/v1/segments", json: """
                {"name":"VIP readers","definition":{"all":[{"field":"segments","op":"contains","value":"\(baseID)"},{"field":"tags","op":"contains","value":"newsletter"}]}}
                """)
            let userID = try #require(user.object["id"] as? String)
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")

            let page = try await WebWorkspaceTests.get(api, "/segments/\(baseID)", cookie: manager.cookie)
            #expect(page.text.contains("<a href=\"/segments/\(userID)\">VIP readers</a>"), "the segment naming it is listed")
            let naming = try await WebWorkspaceTests.get(api, "/segments/\(userID)", cookie: manager.cookie)
            #expect(naming.text.contains("Member of <a href=\"/segments/\(baseID)\">VIPs</a>"))

            let refused = try await WebWorkspaceTests.post(api, "/segments/\(baseID)/delete", [("_csrf", manager.csrf)], cookie: manager.cookie)
            #expect(refused.status == .conflict && refused.text.contains("names this one"))

            let frozen = try await WebWorkspaceTests.post(
                api, "/segments/\(baseID)/freeze", [("_csrf", manager.csrf), ("name", "VIPs in December")], cookie: manager.cookie)
            #expect(frozen.status == .seeOther && Self.location(frozen).hasPrefix("/segments/seg_"))
            let list = try await WebWorkspaceTests.get(api, Self.location(frozen), cookie: manager.cookie)
            #expect(list.text.contains("<h1>VIPs in December</h1>") && list.text.contains("data-count=\"3\"") && list.text.contains("kind-list"))
            #expect(!list.text.contains("/rebuild\""), "a list is not rebuilt")

            let deleted = try await WebWorkspaceTests.post(api, "/segments/\(userID)/delete", [("_csrf", manager.csrf)], cookie: manager.cookie)
            #expect(deleted.status == .seeOther && Self.location(deleted) == "/segments")
            #expect(try await WebWorkspaceTests.get(api, "/segments/\(userID)", cookie: manager.cookie).status == .notFound)

            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let seen = try await WebWorkspaceTests.get(api, "/segments", cookie: agent.cookie)
            #expect(seen.status == .ok && seen.text.contains("VIPs") && !seen.text.contains("/segments/new"))
            let shown = try await WebWorkspaceTests.get(api, "/segments/\(baseID)", cookie: agent.cookie)
            #expect(shown.status == .ok && !shown.text.contains("/rebuild\"") && !shown.text.contains("/edit\""))
            #expect(try await WebWorkspaceTests.get(api, "/segments/new", cookie: agent.cookie).status == .forbidden)
            let forbidden = try await WebWorkspaceTests.post(api, "/segments/\(baseID)/rebuild", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(forbidden.status == .forbidden)
        }
    }
}
