import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// The sales pages: the pipeline board with each stage's kept totals and its cards, a card
/// moved by its "Move to…" form (the page's way without a script), refused for a marketer, and
/// "My day" with the user's tasks due today and today's meetings, a task completed from it.
@Suite("Sales pages")
struct SalesPagesTests {
    static func deal(_ api: APIHarness, _ title: String, pipelineID: String, stage: String, amount: Int, ownerID: String? = nil) async throws -> String {
        let owner = ownerID.map { #", "owner_id": "\#($0)""# } ?? ""
        let made = try await api.send(.post, "/api/v1/deals", json: """
            {"title": "\(title)", "pipeline_id": "\(pipelineID)", "stage": "\(stage)", "amount": \(amount), "currency": "EUR"\(owner)}
            """)
        return try #require(made.object["id"] as? String, "\(made.text)")
    }

    /// The text of the stage's totals line, tags taken out.
    static func totals(_ page: TestResponse, stageID: String) -> String {
        let pattern = try! Regex("<p class=\"stage-totals\" id=\"totals-\(stageID)\">(.*?)</p>")
        guard let match = page.text.firstMatch(of: pattern), let text = match.output[1].substring else { return "" }
        return String(text).replacing(/<[^>]+>/, with: "")
    }

    @Test("the board shows each stage's deals, total and weighted total, and the cards; a card's form moves it and the totals follow; a bad stage changes nothing; a marketer reads the board and may not move", arguments: TestDatabase.available)
    func board(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agentUser = try await WebWorkspaceTests.user(api, .agent)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let empty = try await WebWorkspaceTests.get(api, "/sales", cookie: agent.cookie)
            #expect(empty.status == .ok && empty.text.contains("No pipeline yet"), "\(empty.text.prefix(300))")
            #expect(empty.text.contains(#"<a href="/sales" aria-current="page">Sales</a>"#), "the navigation leads to sales")

            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: """
                {"name": "Wholesale", "stages": [{"name": "Qualified", "probability": 20}, {"name": "Proposal", "probability": 50}]}
                """)
            let pipelineID = try #require(pipeline.object["id"] as? String, "\(pipeline.text)")
            let stages = try #require(pipeline.object["stages"] as? [[String: Any]])
            let qualified = try #require(stages.first { $0["name"] as? String == "Qualified" }?["id"] as? String)
            let proposal = try #require(stages.first { $0["name"] as? String == "Proposal" }?["id"] as? String)
            let linen = try await Self.deal(api, "Hotel linen", pipelineID: pipelineID, stage: "Qualified", amount: 100_000, ownerID: agentUser.id)
            let robes = try await Self.deal(api, "Spa robes", pipelineID: pipelineID, stage: "Qualified", amount: 40_000)

            let board = try await WebWorkspaceTests.get(api, "/sales", cookie: agent.cookie)
            #expect(board.status == .ok)
            #expect(Self.totals(board, stageID: qualified) == "2 deals · \(MoneyText.format(140_000, "EUR")) · weighted \(MoneyText.format(28_000, "EUR"))")
            #expect(Self.totals(board, stageID: proposal) == "0 deals · \(MoneyText.format(0, "EUR")) · weighted \(MoneyText.format(0, "EUR"))")
            #expect(board.text.contains(#"id="deal-\#(linen)""#) && board.text.contains(#"id="deal-\#(robes)""#))
            #expect(board.text.contains("Agent Person"), "a card names its owner")
            #expect(board.text.contains(#"<select id="move-\#(linen)" name="stage_id">"#), "an agent gets each card's Move to… form")
            #expect(board.text.contains(#"src="/assets/sales.js""#) && board.text.contains(#"data-may-move="true""#))
            // The forecast: Σ of the open stages' weighted totals.
            #expect(board.text.contains(#"<span id="forecast">\#(MoneyText.format(28_000, "EUR"))</span>"#))

            let moved = try await WebWorkspaceTests.post(api, "/sales/deals/\(linen)/move", [("_csrf", agent.csrf), ("stage_id", proposal)], cookie: agent.cookie)
            #expect(moved.status == .seeOther && moved.headers[.location] == "/sales?pipeline_id=\(pipelineID)&done=moved#deal-\(linen)")
            let after = try await WebWorkspaceTests.get(api, "/sales?pipeline_id=\(pipelineID)&done=moved", cookie: agent.cookie)
            #expect(after.text.contains(#"id="board-notice""#))
            #expect(Self.totals(after, stageID: qualified) == "1 deal · \(MoneyText.format(40_000, "EUR")) · weighted \(MoneyText.format(8_000, "EUR"))")
            #expect(Self.totals(after, stageID: proposal) == "1 deal · \(MoneyText.format(100_000, "EUR")) · weighted \(MoneyText.format(50_000, "EUR"))")
            let movesList = try await api.send(.get, "/api/v1/deals/\(linen)/moves")
            #expect((movesList.object["data"] as? [[String: Any]])?.count == 2, "the move is recorded as the API's moves are: \(movesList.text)")

            let refused = try await WebWorkspaceTests.post(api, "/sales/deals/\(robes)/move", [("_csrf", agent.csrf), ("stage_id", "stg_nope")], cookie: agent.cookie)
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="board-error""#))
            let noCSRF = try await WebWorkspaceTests.post(api, "/sales/deals/\(robes)/move", [("stage_id", proposal)], cookie: agent.cookie)
            #expect(noCSRF.status == .forbidden)
            let robesNow = try await api.send(.get, "/api/v1/deals/\(robes)")
            #expect(robesNow.object["stage_id"] as? String == qualified, "neither moved it")

            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let read = try await WebWorkspaceTests.get(api, "/sales", cookie: marketer.cookie)
            #expect(read.status == .ok && read.text.contains(#"id="deal-\#(robes)""#) && !read.text.contains(#"name="stage_id""#))
            #expect(!read.text.contains(#"data-may-move="true""#), "no dragging for who may not move")
            let forbidden = try await WebWorkspaceTests.post(
                api, "/sales/deals/\(robes)/move", [("_csrf", marketer.csrf), ("stage_id", proposal)], cookie: marketer.cookie)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("My day lists the user's open tasks due today and those overdue, not tomorrow's or another's, and today's meetings but not a cancelled one; Done completes a task; a marketer may not", arguments: TestDatabase.available)
    func day(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agentUser = try await WebWorkspaceTests.user(api, .agent)
            let managerUser = try await WebWorkspaceTests.user(api, .manager)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let now = api.clock.now()
            let dayEnd = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 86_400
            let laterToday = Date(timeIntervalSince1970: now.timeIntervalSince1970 + (dayEnd - now.timeIntervalSince1970) / 2)
            let tomorrow = Date(timeIntervalSince1970: dayEnd + 3600)
            let iso = Timestamp.iso8601
            func task(_ title: String, due: Date, owner: String) async throws -> String {
                let made = try await api.send(.post, "/api/v1/tasks", json: #"{"kind": "call", "title": "\#(title)", "owner_id": "\#(owner)", "due_at": "\#(iso(due))"}"#)
                return try #require(made.object["id"] as? String, "\(made.text)")
            }
            let overdue = try await task("Call the hotel back", due: now.addingTimeInterval(-7200), owner: agentUser.id)
            let today = try await task("Send the price list", due: laterToday, owner: agentUser.id)
            let later = try await task("Ask about the samples", due: tomorrow, owner: agentUser.id)
            let others = try await task("The manager's call", due: laterToday, owner: managerUser.id)
            func meeting(_ title: String) async throws -> String {
                let made = try await api.send(.post, "/api/v1/meetings", json: """
                    {"title": "\(title)", "starts_at": "\(iso(laterToday))", "ends_at": "\(iso(laterToday.addingTimeInterval(1800)))", "owner_id": "\(agentUser.id)"}
                    """)
                return try #require(made.object["id"] as? String, "\(made.text)")
            }
            let visit = try await meeting("Showroom visit")
            let dropped = try await meeting("Dropped call")
            _ = try await api.send(.patch, "/api/v1/meetings/\(dropped)", json: #"{"status": "cancelled"}"#)

            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/sales/day", cookie: agent.cookie)
            #expect(page.status == .ok)
            let overdueAt = try #require(page.text.range(of: #"id="task-\#(overdue)""#))
            let todayAt = try #require(page.text.range(of: #"id="task-\#(today)""#))
            #expect(overdueAt.lowerBound < todayAt.lowerBound, "the overdue task first")
            #expect(page.text.contains(#"<li class="day-task overdue" id="task-\#(overdue)">"#))
            #expect(!page.text.contains(later) && !page.text.contains(others), "not tomorrow's, not another user's")
            #expect(page.text.contains(#"id="meeting-\#(visit)""#) && !page.text.contains(dropped), "today's meeting, not the cancelled one")

            let done = try await WebWorkspaceTests.post(api, "/sales/tasks/\(today)/done", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(done.status == .seeOther && done.headers[.location] == "/sales/day?done=completed")
            let task = try await api.send(.get, "/api/v1/tasks/\(today)")
            #expect(task.object["status"] as? String == "done")
            let after = try await WebWorkspaceTests.get(api, "/sales/day?done=completed", cookie: agent.cookie)
            #expect(after.text.contains(#"id="day-notice""#) && !after.text.contains(#"id="task-\#(today)""#))
            let unknown = try await WebWorkspaceTests.post(api, "/sales/tasks/tsk_nope/done", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(unknown.status == .notFound)

            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let refused = try await WebWorkspaceTests.post(api, "/sales/tasks/\(overdue)/done", [("_csrf", marketer.csrf)], cookie: marketer.cookie)
            #expect(refused.status == .forbidden)
            let still = try await api.send(.get, "/api/v1/tasks/\(overdue)")
            #expect(still.object["status"] as? String == "open")
        }
    }

    @Test("the sales dashboard shows a manager the win rate, the average won deal, the month against the pipeline's target, stage conversion and each rep's activities; an agent may not see it; a bad target is refused", arguments: TestDatabase.available)
    func dashboard(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agentUser = try await WebWorkspaceTests.user(api, .agent)
            let managerUser = try await WebWorkspaceTests.user(api, .manager)
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: """
                {"name": "Wholesale", "stages": [{"name": "Qualified", "probability": 20}, {"name": "Proposal", "probability": 50}]}
                """)
            let pipelineID = try #require(pipeline.object["id"] as? String, "\(pipeline.text)")
            let bad = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: #"{"monthly_target": -5}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("monthly_target"))
            let set = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: #"{"monthly_target": 300000}"#)
            #expect(set.status == .ok && set.object["monthly_target"] as? Int == 300_000, "\(set.text)")

            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let won = try await Self.deal(api, "Hotel linen", pipelineID: pipelineID, stage: "Qualified", amount: 100_000, ownerID: agentUser.id)
            let lost = try await Self.deal(api, "Spa robes", pipelineID: pipelineID, stage: "Qualified", amount: 40_000, ownerID: agentUser.id)
            let boxes = try await Self.deal(api, "Gift boxes", pipelineID: pipelineID, stage: "Proposal", amount: 60_000)
            // Expected to close this month: half of it counts towards the month's forecast.
            let today = String(Timestamp.iso8601(api.clock.now()).prefix(10))
            #expect(try await api.send(.patch, "/api/v1/deals/\(boxes)", json: #"{"expected_close_on": "\#(today)"}"#).status == .ok)
            // The agent moves their deals on through the page and the API: the moves are theirs.
            _ = try await WebWorkspaceTests.post(api, "/sales/deals/\(won)/move", [("_csrf", agent.csrf), ("stage_id", try #require((pipeline.object["stages"] as? [[String: Any]])?[1]["id"] as? String))], cookie: agent.cookie)
            let agentAPI = AlertAPITests.SignedIn(userID: agentUser.id, cookie: agent.cookie, csrf: agent.csrf)
            #expect(try await agentAPI.send(api, .patch, "/api/v1/deals/\(won)", json: #"{"status": "won"}"#).status == .ok)
            #expect(try await agentAPI.send(api, .patch, "/api/v1/deals/\(lost)", json: #"{"status": "lost", "close_reason": "price"}"#).status == .ok)
            let task = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "Call the buyer", "owner_id": "\#(agentUser.id)"}"#)
            let taskID = try #require(task.object["id"] as? String)
            #expect(try await agentAPI.send(api, .patch, "/api/v1/tasks/\(taskID)", json: #"{"status": "done"}"#).status == .ok)

            let refused = try await WebWorkspaceTests.get(api, "/sales/dashboard", cookie: agent.cookie)
            #expect(refused.status == .forbidden)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/sales/dashboard?pipeline_id=\(pipelineID)&days=30", cookie: manager.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<li id="tile-win_rate"><span class="figure">50%</span> <span class="words">win rate: 1 won of 2 closed in the last 30 days</span></li>"#), "\(page.text)")
            #expect(page.text.contains(#"<li id="tile-average_deal"><span class="figure">\#(MoneyText.format(100_000, "EUR"))</span>"#))
            #expect(page.text.contains(#"<strong id="won-this-month">\#(MoneyText.format(100_000, "EUR"))</strong>"#))
            #expect(page.text.contains(#"<strong id="month-target">\#(MoneyText.format(300_000, "EUR"))</strong>"#))
            #expect(page.text.contains(#"<strong id="month-forecast">\#(MoneyText.format(130_000, "EUR"))</strong>"#), "won 1000.00, and 600.00 at 50 %")
            #expect(page.text.contains(#"<strong id="target-share">43%</strong>"#))
            // Qualified: two deals made there; Hotel linen went on, Spa robes was lost.
            #expect(page.text.contains(#"<tr><th scope="row">Qualified</th><td class="num">2</td><td class="num">1</td><td class="num">50%</td>"#), "\(page.text)")
            #expect(page.text.contains(#"<tr data-user="\#(agentUser.id)"><th scope="row">Agent Person</th><td class="num">1</td><td class="num">3</td><td class="num">1</td>"#))
            #expect(page.text.contains(#"<svg class="chart""#) && page.text.contains("Open pipeline value by stage"))

            // An agent sees another's deal on the board without a way to move it, and a forged move is refused on the board.
            let others = try await Self.deal(api, "Someone else's", pipelineID: pipelineID, stage: "Qualified", amount: 1_000, ownerID: managerUser.id)
            let board = try await WebWorkspaceTests.get(api, "/sales?pipeline_id=\(pipelineID)", cookie: agent.cookie)
            #expect(board.text.contains(#"id="deal-\#(others)""#) && !board.text.contains(#"id="move-\#(others)""#))
            let forged = try await WebWorkspaceTests.post(
                api, "/sales/deals/\(others)/move", [("_csrf", agent.csrf), ("stage_id", try #require((pipeline.object["stages"] as? [[String: Any]])?[1]["id"] as? String))],
                cookie: agent.cookie)
            #expect(forged.status == .forbidden && forged.text.contains(#"id="board-error""#))

            let cleared = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: #"{"monthly_target": null}"#)
            #expect(cleared.status == .ok && cleared.object["monthly_target"] is NSNull, "\(cleared.text)")
            let untargeted = try await WebWorkspaceTests.get(api, "/sales/dashboard?pipeline_id=\(pipelineID)", cookie: manager.cookie)
            #expect(untargeted.text.contains(#"id="no-target""#))
        }
    }

    @Test("a deal's page shows its facts, its history of moves, its tasks (done there, back to it), its meetings and its customer's conversations to those who read them; a move from it comes back to it", arguments: TestDatabase.available)
    func dealPage(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agentUser = try await WebWorkspaceTests.user(api, .agent)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: """
                {"name": "Gifts", "stages": [{"name": "Brief", "probability": 30}, {"name": "Quote", "probability": 60}]}
                """)
            let pipelineID = try #require(pipeline.object["id"] as? String, "\(pipeline.text)")
            let quote = try #require((pipeline.object["stages"] as? [[String: Any]])?[1]["id"] as? String)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"buyer@hotel.test"}]}"#)
            let customerID = try #require(customer.object["id"] as? String, "\(customer.text)")
            let made = try await api.send(.post, "/api/v1/deals", json: """
                {"title": "Staff gifts <b>2027</b>", "pipeline_id": "\(pipelineID)", "stage": "Brief", "amount": 250000, "currency": "EUR",
                 "owner_id": "\(agentUser.id)", "customer_id": "\(customerID)", "next_step": "Send the catalogue"}
                """)
            let dealID = try #require(made.object["id"] as? String, "\(made.text)")
            let task = try await api.send(.post, "/api/v1/tasks", json: #"{"kind": "email", "title": "Send the catalogue", "deal_id": "\#(dealID)", "owner_id": "\#(agentUser.id)"}"#)
            let taskID = try #require(task.object["id"] as? String, "\(task.text)")
            // A newer task already done: it comes after the open one.
            let call = try await api.send(.post, "/api/v1/tasks", json: #"{"kind": "call", "title": "First call", "deal_id": "\#(dealID)", "status": "done"}"#)
            let callID = try #require(call.object["id"] as? String, "\(call.text)")
            let start = Timestamp.iso8601(api.clock.now().addingTimeInterval(86_400))
            let end = Timestamp.iso8601(api.clock.now().addingTimeInterval(86_400 + 3600))
            let meeting = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Tasting", "starts_at": "\(start)", "ends_at": "\(end)", "owner_id": "\(agentUser.id)", "deal_id": "\(dealID)"}
                """)
            let meetingID = try #require(meeting.object["id"] as? String, "\(meeting.text)")

            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let moved = try await WebWorkspaceTests.post(
                api, "/sales/deals/\(dealID)/move", [("_csrf", agent.csrf), ("stage_id", quote), ("back", "deal")], cookie: agent.cookie)
            #expect(moved.status == .seeOther && moved.headers[.location] == "/sales/deals/\(dealID)?done=moved")
            let page = try await WebWorkspaceTests.get(api, "/sales/deals/\(dealID)?done=moved", cookie: agent.cookie)
            #expect(page.status == .ok && page.text.contains("Staff gifts &lt;b&gt;2027&lt;/b&gt;") && !page.text.contains("<b>2027"), "the title stays text")
            #expect(page.text.contains("<dt>Stage</dt><dd>Quote</dd>") && page.text.contains("<dt>Amount</dt><dd>\(MoneyText.format(250_000, "EUR"))</dd>"))
            #expect(page.text.contains("<dt>Next step</dt><dd>Send the catalogue</dd>") && page.text.contains(#"<a href="/customers/\#(customerID)">"#))
            #expect(page.text.contains("Brief → Quote, by Agent Person") && page.text.contains("made → Brief"), "the history of moves, newest first")
            #expect(page.text.contains(#"id="task-\#(taskID)" data-status="open""#) && page.text.contains(#"id="done-\#(taskID)""#))
            let openAt = try #require(page.text.range(of: #"id="task-\#(taskID)""#))
            let doneAt = try #require(page.text.range(of: #"id="task-\#(callID)" data-status="done""#))
            #expect(openAt.lowerBound < doneAt.lowerBound && !page.text.contains(#"id="done-\#(callID)""#), "the open task first; no Done on a done one")
            #expect(page.text.contains(#"id="meeting-\#(meetingID)""#) && page.text.contains(#"id="deal-conversations""#))
            #expect(page.text.contains(#"id="deal-move""#))

            let done = try await WebWorkspaceTests.post(api, "/sales/tasks/\(taskID)/done", [("_csrf", agent.csrf), ("back", "deal")], cookie: agent.cookie)
            #expect(done.status == .seeOther && done.headers[.location] == "/sales/deals/\(dealID)?done=completed")
            let after = try await WebWorkspaceTests.get(api, "/sales/deals/\(dealID)?done=completed", cookie: agent.cookie)
            #expect(after.text.contains(#"id="task-\#(taskID)" data-status="done""#) && !after.text.contains(#"id="done-\#(taskID)""#))

            // A deal the agent may not change: its page offers no move, and a forged one is refused on that page.
            let managerUser = try await WebWorkspaceTests.user(api, .manager)
            #expect(try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"owner_id": "\#(managerUser.id)"}"#).status == .ok)
            let held = try await WebWorkspaceTests.get(api, "/sales/deals/\(dealID)", cookie: agent.cookie)
            #expect(held.status == .ok && !held.text.contains(#"id="deal-move""#))
            let forged = try await WebWorkspaceTests.post(
                api, "/sales/deals/\(dealID)/move", [("_csrf", agent.csrf), ("stage_id", quote), ("back", "deal")], cookie: agent.cookie)
            #expect(forged.status == .forbidden && forged.text.contains(#"id="deal-error""#) && forged.text.contains("Staff gifts"))

            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let read = try await WebWorkspaceTests.get(api, "/sales/deals/\(dealID)", cookie: marketer.cookie)
            #expect(read.status == .ok && !read.text.contains(#"id="deal-conversations""#) && !read.text.contains(#"id="deal-move""#),
                    "a marketer reads the deal without the customer's conversations or a way to move it")
            let unknown = try await WebWorkspaceTests.get(api, "/sales/deals/dea_nope", cookie: agent.cookie)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the deal and lead lists filter by pipeline, status, source and owner (me), link each row to its page, and show a lead's score", arguments: TestDatabase.available)
    func lists(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agentUser = try await WebWorkspaceTests.user(api, .agent)
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "stages": [{"name": "Qualified", "probability": 20}]}"#)
            let pipelineID = try #require(pipeline.object["id"] as? String, "\(pipeline.text)")
            let other = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Gifts", "stages": [{"name": "Brief", "probability": 30}]}"#)
            let otherID = try #require(other.object["id"] as? String, "\(other.text)")
            let mine = try await Self.deal(api, "Hotel linen", pipelineID: pipelineID, stage: "Qualified", amount: 100_000, ownerID: agentUser.id)
            let unheld = try await Self.deal(api, "Spa robes", pipelineID: pipelineID, stage: "Qualified", amount: 40_000)
            let gifts = try await Self.deal(api, "Staff gifts", pipelineID: otherID, stage: "Brief", amount: 9_000, ownerID: agentUser.id)
            #expect(try await api.send(.patch, "/api/v1/deals/\(unheld)", json: #"{"status": "lost"}"#).status == .ok)
            let lead = try await api.send(.post, "/api/v1/leads", json: #"""
                {"email": "lena@cafe-nord.example", "title": "300 mugs with our logo", "campaign": "trade-fair-2026", "source": "form", "owner_id": "\#(agentUser.id)"}
                """#)
            let leadID = try #require(lead.object["id"] as? String, "\(lead.text)")
            let chat = try await api.send(.post, "/api/v1/leads", json: #"{"email": "tom@bakery.example", "title": "Bulk flour", "source": "api"}"#)
            let chatID = try #require(chat.object["id"] as? String, "\(chat.text)")

            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let everything = try await WebWorkspaceTests.get(api, "/sales/deals", cookie: agent.cookie)
            #expect(everything.status == .ok && [mine, unheld, gifts].allSatisfy { everything.text.contains(#"id="row-\#($0)""#) })
            #expect(everything.text.contains(#"<a href="/sales/deals/\#(mine)">Hotel linen</a>"#))
            let wholesaleMine = try await WebWorkspaceTests.get(api, "/sales/deals?pipeline_id=\(pipelineID)&owner=me", cookie: agent.cookie)
            #expect(wholesaleMine.text.contains(#"id="row-\#(mine)""#) && !wholesaleMine.text.contains(#"id="row-\#(unheld)""#)
                && !wholesaleMine.text.contains(#"id="row-\#(gifts)""#))
            #expect(wholesaleMine.text.contains(#"<option value="me" selected>me</option>"#), "the filter shows what it is set to")
            let lost = try await WebWorkspaceTests.get(api, "/sales/deals?status=lost", cookie: agent.cookie)
            #expect(lost.text.contains(#"id="row-\#(unheld)""#) && !lost.text.contains(#"id="row-\#(mine)""#))
            let nonsense = try await WebWorkspaceTests.get(api, "/sales/deals?status=maybe&pipeline_id=x&owner=y", cookie: agent.cookie)
            #expect(nonsense.status == .ok && nonsense.text.contains(#"id="row-\#(gifts)""#), "unknown filter values are left out")
            let gone = try await WebWorkspaceTests.get(api, "/sales/deals?pipeline_id=pip_01J0000000000000000000000X", cookie: agent.cookie)
            #expect(gone.text.contains(#"id="row-\#(gifts)""#) && gone.text.contains(#"<option value="" selected>every pipeline</option>"#),
                    "a pipeline that is not there is left out too")

            let workspaceID = api.workspaceID
            let now = api.clock.now()
            _ = try await api.services.store.write { session in
                try await session.leadScoring.insert([
                    RecordedLeadScoreFact(leadID: leadID, workspaceID: workspaceID, ruleID: "lsr_test", points: 12, halfLifeDays: nil, occurredAt: now, origin: "event:lsr_test:day")
                ])
            }
            let leads = try await WebWorkspaceTests.get(api, "/sales/leads?source=form", cookie: agent.cookie)
            #expect(leads.status == .ok && leads.text.contains(#"id="row-\#(leadID)""#) && !leads.text.contains(#"id="row-\#(chatID)""#))
            #expect(leads.text.contains(#"<td class="num">12.0</td>"#), "the lead's score now is in its row")
            #expect(leads.text.contains("300 mugs with our logo") && leads.text.contains("trade-fair-2026"))
            let myLeads = try await WebWorkspaceTests.get(api, "/sales/leads?owner=me", cookie: agent.cookie)
            #expect(myLeads.text.contains(#"id="row-\#(leadID)""#) && !myLeads.text.contains(#"id="row-\#(chatID)""#))
            #expect(!myLeads.text.contains(#"id="next-page""#))
        }
    }
}
