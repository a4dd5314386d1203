import Foundation
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("The route table: every address Rapport gives out is a route it answers")
struct SiteURLTests {
    @Test("each inbox's and shop's webhook address, and a help article's, is a registered route", arguments: [TestDatabase.sqlite])
    func addressesAreRoutes(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let at = Date(timeIntervalSince1970: 0)
            var given: [(method: String, url: SiteURL, id: String, parameter: String)] = []
            for channel in InboxChannel.allCases where ![.store, .webchat].contains(channel) {
                let inbox = Inbox(id: "inb_x", workspaceID: "wsp_x", channel: channel, name: "x", settings: [:], teamID: nil, slaPolicyID: nil, createdAt: at)
                given.append(("POST", SiteURL.inbox(inbox), inbox.id, "{inbox_id}"))
            }
            given.append(("POST", .twilioSMSStatus(inboxID: "inb_x"), "inb_x", "{inbox_id}"))
            for kind in SourceKind.allCases {
                let source = ShopSource(id: "src_x", workspaceID: "wsp_x", kind: kind, name: "x", secret: "s", createdAt: at)
                given.append(("POST", SiteURL.source(source), source.id, "{source_id}"))
            }
            for (method, url, id, parameter) in given {
                let route = "\(method) " + url.path.replacingOccurrences(of: id, with: parameter)
                #expect(api.routes.contains(route), "\(route) is handed out but not registered")
            }
            #expect(api.routes.contains("GET " + SiteURL.helpArticle(workspaceID: "{workspace}", slug: "{slug}").path))
            #expect(SiteURL.inbox(Inbox(id: "inb_w", workspaceID: "wsp_x", channel: .webchat, name: "x", settings: [:], teamID: nil, slaPolicyID: nil, createdAt: at)).path
                == "/widget.js?inbox=inb_w")
            #expect(api.routes.contains("GET /widget.js"))
        }
    }
}
