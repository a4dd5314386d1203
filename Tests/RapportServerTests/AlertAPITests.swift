import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// Alerts (ADR 0015): what the sweep makes from tasks, stuck deals and meetings, once each,
/// to whom; the signed-in user's own list, marked read; their live stream.
@Suite("Alerts")
struct AlertAPITests {
    /// A signed-in user's API call (session cookie and CSRF token).
    struct SignedIn {
        let userID: String
        let cookie: String
        let csrf: String

        func send(_ api: APIHarness, _ method: HTTPRequest.Method, _ uri: String, json: String? = nil) async throws -> TestResponse {
            var headers = HTTPFields()
            headers[.cookie] = cookie
            headers[HTTPField.Name("X-CSRF-Token")!] = csrf
            headers[.contentType] = "application/json"
            return try await api.client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        }
    }

    static func user(_ api: APIHarness, _ name: String, role: UserRole = .agent, teamIDs: [String] = []) async throws -> SignedIn {
        let email = "\(name)@alerts.test"
        let user = try await api.services.users.create(
            email: email, name: name, role: role, password: "alerts-password-1", teamIDs: teamIDs, as: .operator(workspaceID: api.workspaceID)).user
        let signedIn = try await api.services.users.signIn(email: email, password: "alerts-password-1")
        return SignedIn(userID: user.id, cookie: "rapport_session=\(signedIn.token)", csrf: signedIn.session.csrfToken)
    }

    static func at(_ api: APIHarness, plus seconds: TimeInterval) -> String {
        Timestamp.iso8601(api.clock.now().addingTimeInterval(seconds))
    }

    static func kinds(_ list: TestResponse) -> [String] {
        ((list.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    @Test("a task alerts its owner at its reminder and due time, once each however often the sweep runs, and again when moved; a team's task alerts its active members", arguments: TestDatabase.available)
    func tasks(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let team = try await api.services.inboxes.createTeam(name: "Wholesale", memberIDs: [], as: .operator(workspaceID: api.workspaceID))
            let rep = try await Self.user(api, "rep", teamIDs: [team.id])
            let colleague = try await Self.user(api, "colleague", teamIDs: [team.id])
            let leaver = try await Self.user(api, "leaver", teamIDs: [team.id])
            let stream = api.services.live.subscribe(workspaceID: api.workspaceID, userID: rep.userID)
            let call = try await api.send(.post, "/api/v1/tasks", json: """
                {"kind": "call", "title": "Call the hotel buyer", "owner_id": "\(rep.userID)", "due_at": "\(Self.at(api, plus: 3600))", "remind_at": "\(Self.at(api, plus: 1800))"}
                """)
            let callID = try #require(call.object["id"] as? String, "\(call.text)")
            let teamTask = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "Send samples", "team_id": "\#(team.id)", "due_at": "\#(Self.at(api, plus: 600))"}"#)
            let teamTaskID = try #require(teamTask.object["id"] as? String, "\(teamTask.text)")
            try await api.services.users.setActive(false, userID: leaver.userID, as: .operator(workspaceID: api.workspaceID))

            #expect(try await api.services.alertSweep.run() == 0, "nothing is due yet")
            api.clock.advance(by: 601)
            #expect(try await api.services.alertSweep.run() == 2, "the team task's active members, not the deactivated one")
            api.clock.advance(by: 1200)
            #expect(try await api.services.alertSweep.run() == 1, "the call's reminder")
            #expect(try await api.services.alertSweep.run() == 0, "a second pass alerts no one again")
            api.clock.advance(by: 1800)
            #expect(try await api.services.alertSweep.run() == 1, "the call is overdue")

            let mine = try await rep.send(api, .get, "/api/v1/alerts")
            #expect(Self.kinds(mine) == ["task_overdue", "task_reminder", "task_overdue"], "\(mine.text)")
            #expect(mine.object["unread_count"] as? Int == 3)
            let first = try #require((mine.object["data"] as? [[String: Any]])?.first)
            #expect(first["subject_type"] as? String == "task" && first["subject_id"] as? String == callID && first["title"] as? String == "Call the hotel buyer")
            let theirs = try await colleague.send(api, .get, "/api/v1/alerts")
            #expect(((theirs.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["subject_id"] as? String } == [teamTaskID], "\(theirs.text)")

            var updates = stream.updates.makeAsyncIterator()
            for _ in 0..<3 {
                let update = try #require(await updates.next())
                #expect(update.type == .alertCreated && update.userID == rep.userID && update.json.contains("\"object\":\"alert\""), "\(update.json)")
            }

            // Moved to a new time: alerted again at that time; done: no more.
            _ = try await api.send(.patch, "/api/v1/tasks/\(callID)", json: #"{"due_at": "\#(Self.at(api, plus: 60))", "remind_at": null}"#)
            api.clock.advance(by: 61)
            #expect(try await api.services.alertSweep.run() == 1)
            _ = try await api.send(.patch, "/api/v1/tasks/\(callID)", json: #"{"due_at": "\#(Self.at(api, plus: 60))", "status": "done"}"#)
            api.clock.advance(by: 61)
            #expect(try await api.services.alertSweep.run() == 0, "a done task alerts no one")
            let settled = try await rep.send(api, .get, "/api/v1/alerts?unread=true")
            #expect(((settled.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["subject_id"] as? String } == [teamTaskID], "the done task's alerts are read: \(settled.text)")
        }
    }

    @Test("a deal alerts its owner once per stay in a stage past the stage's days, and a limit added to a stage catches the deal that just passed it; a meeting alerts its organiser and the team users asked", arguments: TestDatabase.available)
    func dealsAndMeetings(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let rep = try await Self.user(api, "rep")
            let manager = try await Self.user(api, "manager", role: .manager)
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: """
                {"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Enquiry", "probability": 10, "stuck_after_days": 3}, {"name": "Quote", "probability": 50}]}
                """)
            let pipelineID = try #require(pipeline.object["id"] as? String, "\(pipeline.text)")
            let deal = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Towels for 40 rooms", "amount": 500000, "owner_id": "\#(rep.userID)"}"#)
            let dealID = try #require(deal.object["id"] as? String, "\(deal.text)")
            let other = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Bathrobes", "amount": 90000, "owner_id": "\#(rep.userID)", "stage": "Quote"}"#)
            let otherID = try #require(other.object["id"] as? String, "\(other.text)")

            api.clock.advance(by: 2 * 86_400)
            #expect(try await api.services.alertSweep.run() == 0)
            api.clock.advance(by: 86_401)
            #expect(try await api.services.alertSweep.run() == 1, "three days in Enquiry")
            #expect(try await api.services.alertSweep.run() == 0)

            // The Quote stage gains a three-day limit: the deal sitting there three days is stuck now.
            let stages = try #require(pipeline.object["stages"] as? [[String: Any]])
            let reshaped = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: """
                {"stages": [{"id": "\(stages[0]["id"] as? String ?? "")", "name": "Enquiry", "probability": 10, "stuck_after_days": 3},
                 {"id": "\(stages[1]["id"] as? String ?? "")", "name": "Quote", "probability": 50, "stuck_after_days": 3}]}
                """)
            #expect(reshaped.status == .ok, "\(reshaped.text)")
            #expect(try await api.services.alertSweep.run() == 1)
            let alerts = try await rep.send(api, .get, "/api/v1/alerts?unread=true")
            #expect(((alerts.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["subject_id"] as? String } == [otherID, dealID], "\(alerts.text)")

            let meeting = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Samples review", "starts_at": "\(Self.at(api, plus: 20 * 60))", "ends_at": "\(Self.at(api, plus: 50 * 60))", "owner_id": "\(rep.userID)",
                 "attendees": [{"user_id": "\(manager.userID)"}, {"email": "buyer@hotel.example"}]}
                """)
            #expect(meeting.status == .created, "\(meeting.text)")
            #expect(try await api.services.alertSweep.run() == 0, "twenty minutes ahead is not soon yet")
            api.clock.advance(by: 6 * 60)
            #expect(try await api.services.alertSweep.run() == 2, "the organiser and the manager asked")
            #expect(Self.kinds(try await manager.send(api, .get, "/api/v1/alerts")) == ["meeting_soon"])
        }
    }

    @Test("a user lists, reads and unreads only their own alerts; reading all marks the rest; an API key has none; bad input is a 422", arguments: TestDatabase.available)
    func ownList(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let rep = try await Self.user(api, "rep")
            let other = try await Self.user(api, "other")
            for (owner, title) in [(rep.userID, "One"), (rep.userID, "Two"), (other.userID, "Theirs")] {
                _ = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "\#(title)", "owner_id": "\#(owner)", "due_at": "\#(Self.at(api, plus: 10))"}"#)
            }
            api.clock.advance(by: 11)
            #expect(try await api.services.alertSweep.run() == 3)
            let mine = try await rep.send(api, .get, "/api/v1/alerts")
            let ids = ((mine.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix("alr_") }, "\(mine.text)")
            let theirID = try #require(((try await other.send(api, .get, "/api/v1/alerts")).object["data"] as? [[String: Any]])?.first?["id"] as? String)

            let read = try await rep.send(api, .patch, "/api/v1/alerts/\(ids[0])", json: #"{"read": true}"#)
            #expect(read.status == .ok && read.object["read_at"] is String, "\(read.text)")
            let unread = try await rep.send(api, .get, "/api/v1/alerts?unread=true")
            #expect(((unread.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == [ids[1]] && unread.object["unread_count"] as? Int == 1)
            #expect((try await rep.send(api, .patch, "/api/v1/alerts/\(theirID)", json: #"{"read": true}"#)).status == .notFound, "another user's alert")
            for body in [#"{}"#, #"{"read": "yes"}"#, #"{"read": true, "colour": 1}"#] {
                #expect((try await rep.send(api, .patch, "/api/v1/alerts/\(ids[1])", json: body)).status == .unprocessableContent, "\(body)")
            }
            #expect((try await rep.send(api, .get, "/api/v1/alerts?unread=maybe")).status == .unprocessableContent)
            let marked = try await rep.send(api, .post, "/api/v1/alerts/read")
            #expect(marked.object["marked"] as? Int == 1, "\(marked.text)")
            let unreadAgain = try await rep.send(api, .patch, "/api/v1/alerts/\(ids[0])", json: #"{"read": false}"#)
            #expect(unreadAgain.object["read_at"] is NSNull)
            #expect((try await other.send(api, .get, "/api/v1/alerts")).object["unread_count"] as? Int == 1, "theirs untouched")
            #expect(try await api.send(.get, "/api/v1/alerts").status == .forbidden, "an API key is no one's inbox")
        }
    }

    @Test("an alert left unread ten minutes is e-mailed to its user from the notice inbox, pointing at the customer's page; one read by then, or about a meeting since cancelled, is not", arguments: TestDatabase.available)
    func mail(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            _ = try await EmailChannelTests.inbox(api, sink: sink)
            let reader = try await Self.user(api, "reader")
            let away = try await Self.user(api, "away")
            let customerID = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "buyer@hotel.example"}"#).object["id"] as? String)
            for (owner, title) in [(reader.userID, "Quote the towels"), (away.userID, "Call the hotel buyer")] {
                let made = try await api.send(.post, "/api/v1/tasks", json: """
                    {"title": "\(title)", "owner_id": "\(owner)", "customer_id": "\(customerID)", "due_at": "\(Self.at(api, plus: 10))"}
                    """)
                #expect(made.status == .created, "\(made.text)")
            }
            let meeting = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Towels review", "starts_at": "\(Self.at(api, plus: 12 * 60))", "ends_at": "\(Self.at(api, plus: 40 * 60))", "owner_id": "\(away.userID)"}
                """)
            let meetingID = try #require(meeting.object["id"] as? String, "\(meeting.text)")
            api.clock.advance(by: 11)
            #expect(try await api.services.alertSweep.run() == 3, "two overdue tasks and the meeting soon")
            _ = try await api.send(.patch, "/api/v1/meetings/\(meetingID)", json: #"{"status": "cancelled"}"#)
            _ = try await reader.send(api, .post, "/api/v1/alerts/read")
            try await api.runJobs()
            #expect(try SignUpTests.mails(sink).isEmpty, "not before ten minutes")
            api.clock.advance(by: AlertWriter.mailDelay)
            try await api.runJobs()
            let mails = try SignUpTests.mails(sink)
            #expect(mails.map(\.to) == ["away@alerts.test"], "only the unread alert is mailed, not the cancelled meeting's: \(mails)")
            #expect(mails.first?.subject == "Overdue: Call the hotel buyer")
            #expect(mails.first?.text.contains("\(APIHarness.publicURL)/customers/\(customerID)") == true, "\(mails.first?.text ?? "")")
            try await api.runJobs()
            #expect(try SignUpTests.mails(sink).count == 1, "mailed once")
        }
    }

    @Test("an upset message from a top-spending customer alerts the conversation's holder, else the managers, once per conversation; a calm message or a small customer's does not", arguments: TestDatabase.available)
    func complaint(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let manager = try await Self.user(api, "manager", role: .manager)
            let agent = try await Self.user(api, "agent")
            for (index, amount) in [900, 1_500, 2_400, 3_100, 4_800, 7_500, 12_000, 25_000, 60_000, 150_000].enumerated() {
                let order = try await api.send(.post, "/api/v1/orders", json: """
                    {"number": "\(2000 + index)", "currency": "EUR", "status": "paid", "customer": {"phone": "+4915112340\(100 + index)"},
                     "lines": [{"sku": "TOWEL", "title": "Towels", "quantity": 1, "unit_price": \(amount)}],
                     "placed_at": "\(Self.at(api, plus: -86_400 * Double(index + 1)))"}
                    """)
                #expect(order.status == .created, "\(order.text)")
            }
            try await api.services.rfm.recompute(as: operatorActor)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930100000"], teamID: nil, as: operatorActor)
            func say(_ text: String, from phone: String) async throws -> String {
                let outcome = try await api.services.conversations.receive(
                    ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(UUID().uuidString)", from: phone, kind: .text, text: text)]), inbox: inbox)
                return outcome.stored[0].conversationID
            }
            let angry = "Terrible, useless service. The towels arrived broken and nobody answers. I am furious."
            _ = try await say(angry, from: "+4915112340100")
            #expect(Self.kinds(try await manager.send(api, .get, "/api/v1/alerts")).isEmpty, "the smallest spender's complaint is the inbox's, not an alert")
            let calm = try await say("Where is my order 2009?", from: "+4915112340109")
            #expect(Self.kinds(try await manager.send(api, .get, "/api/v1/alerts")).isEmpty)
            let complained = try await say(angry, from: "+4915112340109")
            #expect(complained == calm)
            let alerts = try await manager.send(api, .get, "/api/v1/alerts")
            #expect(Self.kinds(alerts) == ["complaint"], "no one holds the conversation: the managers hear of it: \(alerts.text)")
            let alert = try #require((alerts.object["data"] as? [[String: Any]])?.first)
            #expect(alert["subject_type"] as? String == "conversation" && alert["subject_id"] as? String == calm && alert["customer_id"] is String)
            #expect(Self.kinds(try await agent.send(api, .get, "/api/v1/alerts")).isEmpty)
            _ = try await say("Still nothing. Awful, useless, terrible.", from: "+4915112340109")
            #expect(Self.kinds(try await manager.send(api, .get, "/api/v1/alerts")).count == 1, "once per conversation")

            // Held by an agent (a conversation in a second inbox): the complaint is theirs.
            let second = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS 2", settings: ["account_sid": "AC2", "auth_token": "t", "phone_number": "+4930100001"], teamID: nil, as: operatorActor)
            let held = try await api.services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(UUID().uuidString)", from: "+4915112340109", kind: .text, text: "Where are my towels?")]),
                inbox: second).stored[0].conversationID
            #expect(held != calm)
            let assigned = try await api.send(.post, "/api/v1/conversations/\(held)/assign", json: #"{"assignee_id": "\#(agent.userID)"}"#)
            #expect(assigned.status == .ok, "\(assigned.text)")
            _ = try await api.services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(UUID().uuidString)", from: "+4915112340109", kind: .text, text: angry)]),
                inbox: second)
            #expect(Self.kinds(try await agent.send(api, .get, "/api/v1/alerts")) == ["complaint"])
            #expect(Self.kinds(try await manager.send(api, .get, "/api/v1/alerts")).count == 1)
        }
    }

    @Test("the stuck-deal sweep pages through deals that entered a stage at the same moment, alerting each once; a task already a day overdue alerts no one", arguments: TestDatabase.available)
    func pagesAndStaleness(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let rep = try await Self.user(api, "rep")
            _ = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Enquiry", "probability": 10, "stuck_after_days": 1}]}"#)
            // The test clock stands still: the three deals enter the stage at the same microsecond.
            for title in ["A", "B", "C"] {
                #expect(try await api.send(.post, "/api/v1/deals", json: #"{"title": "\#(title)", "amount": 100, "owner_id": "\#(rep.userID)"}"#).status == .created)
            }
            _ = try await api.send(.post, "/api/v1/tasks", json: #"{"title": "Old", "owner_id": "\#(rep.userID)", "due_at": "\#(Self.at(api, plus: -2 * 86_400))"}"#)
            api.clock.advance(by: 86_401)
            #expect(try await api.services.alertSweep.run(limit: 2) == 2)
            #expect(try await api.services.alertSweep.run(limit: 2) == 1, "the third deal, though it entered with the first two")
            #expect(try await api.services.alertSweep.run(limit: 2) == 0)
            let titles = ((try await rep.send(api, .get, "/api/v1/alerts")).object["data"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(titles.sorted() == ["A", "B", "C"], "no alert for a task two days overdue when alerts began: \(titles)")
        }
    }
}
