import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The journey pages: a marketer switches on a built-in journey with an e-mail inbox and
/// publishes it from its page; the page draws the flow as SVG with each step's counts; an agent
/// reads it without the buttons, and may not move it.
@Suite("Journey pages")
struct JourneyPagesTests {
    /// A workspace with a DKIM-signed e-mail inbox (its id given) sending to `sink`, and a marketer signed in.
    static func asMarketer(
        on database: TestDatabase, _ body: @Sendable (APIHarness, String, WebWorkspaceTests.Browser, SMTPSink) async throws -> Void
    ) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await SignedCampaignInbox.make(api, sink: sink)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            try await body(api, inboxID, try await WebWorkspaceTests.signIn(api, "marketer@shop.test"), sink)
        }
    }

    @Test("a built-in journey switched on from the list and published from its page; the flow is drawn with each step and its counts; an agent sees it and may not publish", arguments: TestDatabase.available)
    func switchOnAndPublish(database: TestDatabase) async throws {
        try await Self.asMarketer(on: database) { api, inboxID, marketer, _ in
            let list = try await WebWorkspaceTests.get(api, "/journeys", cookie: marketer.cookie)
            #expect(list.status == .ok && list.text.contains("id=\"switch-on-abandoned_cart\"") && list.text.contains(inboxID))

            let refused = try await WebWorkspaceTests.post(
                api, "/journeys/from_template", [("_csrf", marketer.csrf), ("template_key", "nope"), ("inbox_id", inboxID)], cookie: marketer.cookie)
            #expect(refused.status == .unprocessableContent && refused.text.contains("journeys-error"))
            let created = try await WebWorkspaceTests.post(
                api, "/journeys/from_template", [("_csrf", marketer.csrf), ("template_key", "abandoned_cart"), ("inbox_id", inboxID)], cookie: marketer.cookie)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let id = try #require(location.firstMatch(of: /\/journeys\/(jny_[0-9A-Za-z]+)/)?.1).description

            let draft = try await WebWorkspaceTests.get(api, "/journeys/\(id)", cookie: marketer.cookie)
            #expect(draft.text.contains("data-status=\"draft\"") && draft.text.contains("id=\"publish-journey\""))
            let published = try await WebWorkspaceTests.post(api, "/journeys/\(id)/publish", [("_csrf", marketer.csrf)], cookie: marketer.cookie)
            #expect(published.status == .seeOther)

            // Someone checks out: they wait at the first step, and the flow counts them there.
            _ = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"cart@example.com"}]}"#)
            let customerID = try #require(try await api.services.customers.customerID(
                for: IdentityInput(kind: "email", value: "cart@example.com"), as: .operator(workspaceID: api.workspaceID)))
            _ = try await api.services.journeys.enrol(id: id, customerIDs: [customerID], segmentID: nil, as: .operator(workspaceID: api.workspaceID))
            _ = try await api.services.journeyRunner.runDue()
            let page = try await WebWorkspaceTests.get(api, "/journeys/\(id)?done=published", cookie: marketer.cookie)
            #expect(page.text.contains("data-status=\"live\"") && page.text.contains("id=\"journey-notice\""))
            #expect(page.text.contains("<svg class=\"journey-flow\""))
            for step in ["settle", "first_reminder", "a_day", "second_reminder"] {
                #expect(page.text.contains(#"<g class="step" id="flow-step-\#(step)""#), "the flow draws \(step)")
            }
            #expect(page.text.contains("<th scope=\"col\" class=\"num\">Converted</th>"), "a marketer sees conversions")
            #expect(!page.text.contains("id=\"publish-journey\""), "nothing to publish: the draft is the live version")
            #expect(page.text.contains(#"data-step="settle" data-waiting="1""#), "the customer waits at the first step")
            #expect(page.text.contains(#"data-from="settle" data-to="first_reminder""#))

            // The customer's page says which journey they are in and where, and the team's open tasks about them.
            let task = try await api.services.tasks.create(
                WorkTaskChange(kind: .call, title: "Ask about the cart", customerID: .some(customerID)), as: .operator(workspaceID: api.workspaceID))
            let customerPage = try await WebWorkspaceTests.get(api, "/customers/\(customerID)", cookie: marketer.cookie)
            #expect(customerPage.text.contains(#"data-journey="\#(id)""#) && customerPage.text.contains("at settle"))
            #expect(customerPage.text.contains(#"data-task="\#(task.id)""#) && customerPage.text.contains("Ask about the cart"))

            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let read = try await WebWorkspaceTests.get(api, "/journeys/\(id)", cookie: agent.cookie)
            #expect(read.status == .ok && !read.text.contains("id=\"pause-journey\"") && read.text.contains("<svg class=\"journey-flow\""))
            #expect(!read.text.contains(">Converted</th>") && !read.text.contains("id=\"stat-converted\""), "an agent sees no conversions")
            let pause = try await WebWorkspaceTests.post(api, "/journeys/\(id)/pause", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(pause.status == .forbidden)
        }
    }
}
