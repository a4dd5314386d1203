import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Surveys go out on the customer's channel and come back from the providers' own payloads:
/// a CSAT by SMS answered with Twilio's inbound form, one by WhatsApp answered with Meta's
/// webhook, an NPS by e-mail answered on its page.
@Suite("Surveys on every channel")
struct SurveyChannelTests {
    static func conversations(_ api: APIHarness, inboxID: String) async throws -> [[String: Any]] {
        try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
    }

    static func surveys(_ api: APIHarness, customerID: String) async throws -> [[String: Any]] {
        try #require(try await api.send(.get, "/api/v1/surveys?customer_id=\(customerID)").object["data"] as? [[String: Any]])
    }

    /// An SMS inbox on the fake Twilio, and the conversation its fixture's inbound text opens:
    /// the inbox, its webhook path, the inbound form (to reply with), the conversation and customer.
    static func smsConversation(
        _ api: APIHarness, twilio: FakeProvider
    ) async throws -> (inboxID: String, path: String, form: String, conversationID: String, customerID: String) {
        let (inboxID, path, form) = try await MetaAndTwilioChannelTests.smsInbox(api, twilio: twilio)
        #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: form, token: "twilio-token").status == .ok)
        let conversation = try #require(try await Self.conversations(api, inboxID: inboxID).first)
        return (inboxID, path, form, try #require(conversation["id"] as? String), try #require(conversation["customer_id"] as? String))
    }

    @Test("a resolved SMS conversation gets a CSAT; the customer's \"4\" (Twilio's form) answers it once, in the conversation it rates", arguments: TestDatabase.available)
    func csatBySMS(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMout{{seq}}","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            let settings = try await api.send(.put, "/api/v1/surveys/settings", json: #"{"csat_after_conversations":true}"#)
            #expect(settings.status == .ok)
            #expect(settings.object["quiet_days"] as? Int == 30)
            let (inboxID, path, form, conversationID, customerID) = try await Self.smsConversation(api, twilio: twilio)
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"It left our warehouse today."}"#)
            #expect(try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve").status == .ok)
            try await api.runJobs()

            let question = try #require(twilio.requests.last { $0.body.contains("satisfied") })
            let fields = Dictionary(FormBody.parse(question.body), uniquingKeysWith: { first, _ in first })
            #expect(fields["To"] == "+14158675309")
            #expect(fields["Body"]?.contains("Reply with a number from 1 (very unsatisfied) to 5 (very satisfied)") == true)
            let survey = try #require(try await Self.surveys(api, customerID: customerID).first)
            #expect(survey["kind"] as? String == "csat")
            #expect(survey["trigger"] as? String == "conversation_resolved")
            #expect(survey["rated_conversation_id"] as? String == conversationID)
            #expect(survey["status"] as? String == "sent")
            let messagesBefore = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])

            let answer = form.replacingOccurrences(of: "Body=Where+is+my+order+%231001%3F", with: "Body=4+-+quick+and+kind")
                .replacingOccurrences(of: "SM1234567890abcdef1234567890abcdef", with: "SManswer0000000000000000000000001")
            #expect(answer.contains("Body=4+-+quick"))
            let answered = try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: answer, token: "twilio-token")
            #expect(answered.status == .ok)
            #expect(answered.text.contains("Thank you for your answer."))
            // Twilio retries: the same message changes nothing and is not stored as a message.
            #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: answer, token: "twilio-token").status == .ok)
            let after = try #require(try await Self.surveys(api, customerID: customerID).first)
            #expect(after["status"] as? String == "answered")
            #expect(after["score"] as? Int == 4)
            #expect(after["comment"] as? String == "quick and kind")
            #expect(after["answered_via"] as? String == "sms")
            #expect(after["follow_up_conversation_id"] is NSNull)
            let messagesAfter = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(messagesAfter.count == messagesBefore.count + 1, "the answer is kept in the conversation it answers, once")
            #expect(messagesAfter.last?["text"] as? String == "4 - quick and kind")
            let rated = try await api.send(.get, "/api/v1/conversations/\(conversationID)").object
            #expect(rated["status"] as? String == "resolved", "an answer does not reopen the conversation")
            #expect(try await Self.conversations(api, inboxID: inboxID).count == 1)
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)").object
            #expect((customer["attributes"] as? [String: Any])?["last_csat_score"] as? Double == 4)
            let timeline = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
            #expect(timeline.contains { $0["kind"] as? String == "survey_answered" && ($0["summary"] as? String)?.contains("CSAT 4") == true })

            let figures = try await api.send(.get, "/api/v1/surveys/figures?kind=csat").object
            let overall = try #require(figures["overall"] as? [String: Any])
            #expect(overall["sent"] as? Int == 1)
            #expect(overall["answered"] as? Int == 1)
            #expect(overall["score"] as? Double == 100)
            #expect(overall["response_rate"] as? Double == 1)

            // Resolving again within the quiet period sends nothing more.
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/reopen")
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve")
            try await api.runJobs()
            #expect(try await Self.surveys(api, customerID: customerID).count == 1)
            // A number that is not on the scale is a message like any other.
            let other = form.replacingOccurrences(of: "Body=Where+is+my+order+%231001%3F", with: "Body=12")
                .replacingOccurrences(of: "SM1234567890abcdef1234567890abcdef", with: "SManswer0000000000000000000000002")
            _ = try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: other, token: "twilio-token")
            let sentence = form.replacingOccurrences(of: "Body=Where+is+my+order+%231001%3F", with: "Body=2+weeks+and+still+no+parcel")
                .replacingOccurrences(of: "SM1234567890abcdef1234567890abcdef", with: "SManswer0000000000000000000000003")
            _ = try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: sentence, token: "twilio-token")
            let conversations = try await Self.conversations(api, inboxID: inboxID)
            #expect(conversations.count == 2, "the resolved conversation stays closed; \"12\" opens a new one")
            let newest = try #require(conversations.first { $0["id"] as? String != conversationID }?["id"] as? String)
            let latest = try #require(try await api.send(.get, "/api/v1/conversations/\(newest)/messages").object["data"] as? [[String: Any]])
            #expect(latest.compactMap { $0["text"] as? String } == ["12", "2 weeks and still no parcel"])
            #expect(try await Self.surveys(api, customerID: customerID).first?["score"] as? Int == 4)
        }
    }

    @Test("a WhatsApp CSAT answered \"1 - too slow\" (Meta's webhook) opens a follow-up for the team with the answer as a note", arguments: TestDatabase.available)
    func csatByWhatsAppWithFollowUp(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/messages", body: #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.out{{seq}}"}]}"#)
        try await APIHarness.run(on: database) { api in
            let team = try await api.send(.post, "/api/v1/teams", json: #"{"name":"Care"}"#)
            let teamID = try #require(team.object["id"] as? String)
            let settings = try await api.send(.put, "/api/v1/surveys/settings", json: """
                {"csat_after_conversations":true,"follow_up_team_id":"\(teamID)","quiet_days":0}
                """)
            #expect(settings.status == .ok)
            let inboxID = try #require(try await WhatsAppChannelTests.createInbox(api, graph: graph)["id"] as? String)
            let text = try ChannelFixtures.whatsApp("messages", "text", id: "wamid.first", timestamp: api.clock.now())
            _ = try await WhatsAppChannelTests.post(api, inboxID: inboxID, text, signature: ChannelFixtures.metaSignature(text, secret: "wa-secret"))
            let conversation = try #require(try await Self.conversations(api, inboxID: inboxID).first)
            let conversationID = try #require(conversation["id"] as? String)
            let customerID = try #require(conversation["customer_id"] as? String)
            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve")
            try await api.runJobs()
            let question = try #require(graph.requests.last { $0.body.contains("satisfied") })
            let sent = try #require(try JSONSerialization.jsonObject(with: Data(question.body.utf8)) as? [String: Any])
            #expect(sent["to"] as? String == "972987654321")
            #expect(((sent["text"] as? [String: Any])?["body"] as? String)?.contains("Reply with a number from 1") == true)

            let reply = try ChannelFixtures.whatsApp("messages", "text", id: "wamid.answer", timestamp: api.clock.now())
                .replacingOccurrences(of: "\"body\":\"Body Text\"", with: "\"body\":\"1 - too slow\"")
            #expect(reply.contains("1 - too slow"))
            let answered = try await WhatsAppChannelTests.post(api, inboxID: inboxID, reply, signature: ChannelFixtures.metaSignature(reply, secret: "wa-secret"))
            #expect(answered.status == .ok)
            #expect(answered.object["stored"] as? Int == 1, "the answer is kept in the conversation it answers")
            let survey = try #require(try await Self.surveys(api, customerID: customerID).first)
            #expect(survey["score"] as? Int == 1)
            #expect(survey["comment"] as? String == "too slow")
            #expect(survey["answered_via"] as? String == "whatsapp")
            let followUpID = try #require(survey["follow_up_conversation_id"] as? String)
            let followUp = try await api.send(.get, "/api/v1/conversations/\(followUpID)").object
            #expect(followUp["team_id"] as? String == teamID)
            #expect(followUp["status"] as? String == "open")
            #expect(followUp["priority"] as? String == "high")
            let note = try #require((try await api.send(.get, "/api/v1/conversations/\(followUpID)/messages").object["data"] as? [[String: Any]])?.first)
            #expect(note["private"] as? Bool == true || note["is_private"] as? Bool == true)
            #expect((note["text"] as? String)?.contains("too slow") == true)
            #expect((note["text"] as? String)?.contains(conversationID) == true)
            // The customer just wrote: the team may answer them on WhatsApp at once.
            let answer = try await api.send(.post, "/api/v1/conversations/\(followUpID)/messages", json: #"{"text":"Sorry to hear that. What happened?"}"#)
            #expect(answer.status == .created)

            let figures = try await api.send(.get, "/api/v1/surveys/figures?kind=csat").object
            #expect((figures["overall"] as? [String: Any])?["negative"] as? Int == 1)
            #expect((figures["by_team"] as? [String: Any])?[teamID] == nil, "the rated conversation had no team")
        }
    }

    @Test("an NPS by e-mail needs consent to surveys; its page records one answer and a detractor's comment; the figures carry the response rate", arguments: TestDatabase.available)
    func npsByEmail(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"nia@customer.test"}],"first_name":"Nia"}"#)
            let customerID = try #require(customer.object["id"] as? String)
            let refused = try await api.send(.post, "/api/v1/surveys", json: #"{"customer_id":"\#(customerID)","kind":"nps"}"#)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("not agreed to surveys"))
            _ = try await api.send(.post, "/api/v1/customers/\(customerID)/consents", json: #"{"purpose":"surveys","channel":"email","status":"granted","source":"form"}"#)
            let bad = try await api.send(.post, "/api/v1/surveys", json: #"{"customer_id":"\#(customerID)","kind":"happiness"}"#)
            #expect(bad.status == .unprocessableContent || bad.status == .badRequest)
            let created = try await api.send(.post, "/api/v1/surveys", json: #"{"customer_id":"\#(customerID)","kind":"nps","inbox_id":"\#(inboxID)"}"#)
            #expect(created.status == .created)
            let surveyID = try #require(created.object["id"] as? String)
            #expect(created.object["trigger"] as? String == "manual")
            let again = try await api.send(.post, "/api/v1/surveys", json: #"{"customer_id":"\#(customerID)","kind":"nps"}"#)
            #expect(again.status == .conflict, "the quiet period holds a second survey")
            try await api.runJobs()
            let mail = MIMEParser.parse(try #require(try sink.received().first).message)
            #expect(mail.text.contains("How likely are you to recommend"))
            let link = try #require(mail.text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix(APIHarness.publicURL + "/survey/") })
            let path = String(link.dropFirst(APIHarness.publicURL.count))
            #expect(path.contains(surveyID))

            let forged = try await api.client.execute(uri: "/survey/\(surveyID)/forged", method: .get)
            #expect(forged.status == .notFound)
            let page = try await api.client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("How likely are you to recommend"))
            #expect(page.text.contains("value=\"10\""))
            #expect(try await Self.surveys(api, customerID: customerID).first?["status"] as? String == "sent", "opening the page answers nothing")

            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            // Someone signed in to the workspace sees the link in the thread; it is not theirs to answer.
            _ = try await api.services.users.create(
                email: "agent@survey.test", name: "Agent", role: .agent, password: "survey-password-1", teamIDs: [],
                as: .operator(workspaceID: api.workspaceID))
            let agent = try await api.services.users.signIn(email: "agent@survey.test", password: "survey-password-1")
            var signedIn = headers
            signedIn[.cookie] = "rapport_session=\(agent.token)"
            let byAgent = try await api.client.execute(uri: path, method: .post, headers: signedIn, body: ByteBuffer(string: "score=10"))
            #expect(byAgent.status == .forbidden)
            let outOfScale = try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "score=11"))
            #expect(outOfScale.status.code == 422 || outOfScale.status.code == 400)
            let answer = try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "score=3&comment="))
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Thank you for your answer: 3."))
            let comment = try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "score=3&comment=Delivery+took+two+weeks"))
            #expect(comment.status == .ok)
            let changed = try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "score=10"))
            #expect(changed.status == .conflict, "an answer is not changed afterwards")
            let survey = try await api.send(.get, "/api/v1/surveys/\(surveyID)").object
            #expect(survey["score"] as? Int == 3)
            #expect(survey["comment"] as? String == "Delivery took two weeks")
            #expect(survey["answered_via"] as? String == "link")
            #expect(survey["follow_up_conversation_id"] is String)

            // "No more surveys" from the page is the customer's refusal, with the page as its source.
            let noMore = try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: "refuse=1"))
            #expect(noMore.status == .ok)
            #expect(noMore.text.contains("You will not be asked for surveys here again."))
            let consents = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/consents").object["data"] as? [[String: Any]])
            let surveysByMail = try #require(consents.first { $0["purpose"] as? String == "surveys" && $0["channel"] as? String == "email" })
            #expect(surveysByMail["status"] as? String == "denied")
            #expect(surveysByMail["source"] as? String == "survey_page")
            let figures = try #require(try await api.send(.get, "/api/v1/surveys/figures?kind=nps").object["overall"] as? [String: Any])
            #expect(figures["score"] as? Double == -100)
            #expect(figures["negative"] as? Int == 1)
            let metrics = try await api.send(.get, "/api/v1/insights/metrics").object
            #expect(metrics["net_promoter_score"] as? Double == -100)
            #expect((metrics["net_promoter"] as? [String: Any])?["response_rate"] as? Double == 1)
        }
    }

    @Test("an order delivered sends its NPS the set number of days later, once, on the customer's e-mail", arguments: TestDatabase.available)
    func npsAfterDelivery(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            api.clock.freeze()
            _ = try await EmailChannelTests.inbox(api, sink: sink)
            #expect(try await api.send(.put, "/api/v1/surveys/settings", json: #"{"nps_after_delivery_days":7}"#).status == .ok)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ola@customer.test"}]}"#)
            let customerID = try #require(customer.object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/customers/\(customerID)/consents", json: #"{"purpose":"surveys","channel":"email","status":"granted","source":"form"}"#)
            let order = try await api.send(.post, "/api/v1/orders", json: """
                {"customer_id":"\(customerID)","number":"N-1","currency":"EUR","status":"fulfilled","lines":[{"title":"Mug","quantity":1,"unit_price":1200}]}
                """)
            let orderID = try #require(order.object["id"] as? String)
            #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status":"delivered"}"#).status == .ok)
            try await api.runJobs()
            #expect(try await Self.surveys(api, customerID: customerID).isEmpty, "not before a week has passed")
            api.clock.advance(by: 7 * 86_400 + 60)
            try await api.runJobs()
            let survey = try #require(try await Self.surveys(api, customerID: customerID).first)
            #expect(survey["kind"] as? String == "nps")
            #expect(survey["trigger"] as? String == "order_delivered")
            #expect(survey["order_id"] as? String == orderID)
            #expect(try sink.received().count == 1)
            // The conversation the survey opened for itself is not the team's work.
            let board = try await api.services.conversations.dashboard(
                from: api.clock.now().addingTimeInterval(-30 * 86_400), to: api.clock.now().addingTimeInterval(86_400),
                as: .operator(workspaceID: api.workspaceID))
            #expect(board.opened == 0 && board.resolved == 0)
        }
    }

    @Test("a journey's survey step sends the survey once per visit, under the surveys' rules", arguments: TestDatabase.available)
    func surveyByJourney(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            _ = try await EmailChannelTests.inbox(api, sink: sink)
            let created = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Ask after onboarding", "definition": {"trigger": {"manual": true},
                 "steps": [{"key": "ask", "type": "survey", "kind": "ces", "next": "tag"}, {"key": "tag", "type": "update_profile", "add_tags": ["asked"]}]}}
                """)
            #expect(created.status == .created, "\(created.text)")
            let journeyID = try #require(created.object["id"] as? String)
            let wrong = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Wrong", "definition": {"trigger": {"manual": true}, "steps": [{"key": "ask", "type": "survey", "kind": "happiness"}]}}
                """)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("definition.steps[0].kind"), "\(wrong.text)")
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/publish").status == .ok)
            var ids: [String] = []
            for (name, consenting) in [("ines", true), ("omar", false)] {
                let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"\#(name)@customer.test"}]}"#)
                let id = try #require(customer.object["id"] as? String)
                if consenting {
                    _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"surveys","channel":"email","status":"granted","source":"form"}"#)
                }
                ids.append(id)
            }
            let enrolled = try await api.send(.post, "/api/v1/journeys/\(journeyID)/enrolments", json: #"{"customer_ids": ["\#(ids[0])", "\#(ids[1])"]}"#)
            #expect(enrolled.status == .created, "\(enrolled.text)")
            _ = try await api.services.journeyRunner.runDue()
            try await api.runJobs()
            let asked = try await Self.surveys(api, customerID: ids[0])
            #expect(asked.count == 1)
            #expect(asked.first?["kind"] as? String == "ces" && asked.first?["trigger"] as? String == "journey" && asked.first?["sent_by"] as? String == "journey:\(journeyID)")
            #expect(try await Self.surveys(api, customerID: ids[1]).isEmpty, "no yes to surveys, no survey: the journey does not go round the rules")
            let mails = try sink.received()
            #expect(mails.count == 1)
            #expect(MIMEParser.parse(try #require(mails.first).message).text.contains("How easy was it"))
            // Both went on past the step; running again asks nobody twice.
            #expect(try await api.send(.get, "/api/v1/customers/\(ids[1])").object["tags"] as? [String] == ["asked"])
            _ = try await api.services.journeyRunner.runDue()
            try await api.runJobs()
            #expect(try await Self.surveys(api, customerID: ids[0]).count == 1)
        }
    }
}
