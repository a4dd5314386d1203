import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// A survey in web chat comes as a card: the widget shows a button per score, and a button
/// sends its number as the visitor's message, answered as a typed number is. A score without a
/// comment is met with the bot's question for the reason, and the visitor's next message is
/// the comment.
@Suite("Surveys in web chat")
struct SurveyWebChatTests {
    static let secret = "chat-secret-0123456789abcdef"

    /// The visitor's thread as their window shows it.
    static func history(_ api: APIHarness, inboxID: String, token: String) async throws -> [[String: Any]] {
        try #require(try await api.chat(.get, "/chat/\(inboxID)/messages", token: token).object["data"] as? [[String: Any]])
    }

    /// A web-chat inbox of a workspace that sends a CSAT after every resolved conversation.
    static func surveyedChatInbox(_ api: APIHarness) async throws -> String {
        #expect(try await api.send(.put, "/api/v1/surveys/settings", json: #"{"csat_after_conversations":true,"quiet_days":0}"#).status == .ok)
        let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Shop chat","settings":{"identity_secret":"\#(secret)"}}"#)
        return try #require(created.object["id"] as? String)
    }

    /// A visitor's conversation, answered by an agent and resolved: the CSAT goes.
    static func resolvedChat(_ api: APIHarness, inboxID: String, client: String) async throws -> (token: String, conversationID: String, customerID: String) {
        let (contact, token) = try await api.chatSession(inboxID)
        #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"\#(client)","text":"Is the blue mug back?"}"#).status == .created)
        let conversations = try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
        let conversation = try #require(conversations.first { $0["contact"] as? String == contact })
        let conversationID = try #require(conversation["id"] as? String)
        _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Yes, since this morning."}"#)
        #expect(try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve").status == .ok)
        try await api.runJobs()
        return (token, conversationID, try #require(conversation["customer_id"] as? String))
    }

    static func survey(_ api: APIHarness, customerID: String) async throws -> [String: Any] {
        try #require((try await api.send(.get, "/api/v1/surveys?customer_id=\(customerID)").object["data"] as? [[String: Any]])?.first)
    }

    @Test("a CSAT card's button answers; the bot asks the reason and the next message is the comment; a resend changes nothing", arguments: TestDatabase.available)
    func cardAndComment(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.surveyedChatInbox(api)
            let (token, conversationID, customerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c1")

            let asked = try await Self.history(api, inboxID: inboxID, token: token)
            let question = try #require(asked.last)
            #expect(question["from"] as? String == "bot")
            #expect((question["text"] as? String)?.contains("Choose a number from 1 (very unsatisfied) to 5 (very satisfied) below") == true)
            let card = try #require(question["survey"] as? [String: Any])
            let survey = try await Self.survey(api, customerID: customerID)
            #expect(card["id"] as? String == survey["id"] as? String)
            #expect(card["kind"] as? String == "csat")
            #expect(card["lowest"] as? Int == 1 && card["highest"] as? Int == 5)
            #expect(card["lowest_means"] as? String == "very unsatisfied" && card["highest_means"] as? String == "very satisfied")
            #expect(asked.dropLast().allSatisfy { $0["survey"] is NSNull }, "only the question is a card")

            // The card's "4" is the visitor's message "4".
            let answer = #"{"client_id":"card-4","text":"4"}"#
            let answered = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: answer)
            #expect(answered.object["stored"] as? Int == 1)
            #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: answer).object["duplicates"] as? Int == 1)
            var stored = try await Self.survey(api, customerID: customerID)
            #expect(stored["status"] as? String == "answered")
            #expect(stored["score"] as? Int == 4)
            #expect(stored["answered_via"] as? String == "webchat")
            #expect(stored["comment"] is NSNull)
            let prompted = try await Self.history(api, inboxID: inboxID, token: token)
            #expect(prompted.suffix(2).compactMap { $0["text"] as? String } == ["4", "Thank you! What is the main reason for your score? Write it here if you like."])
            #expect(prompted.last?["survey"] is NSNull)

            let reason = #"{"client_id":"why","text":"  Quick and kind.  "}"#
            #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: reason).object["stored"] as? Int == 1)
            #expect(try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: reason).object["duplicates"] as? Int == 1)
            stored = try await Self.survey(api, customerID: customerID)
            #expect(stored["comment"] as? String == "Quick and kind.")
            #expect(stored["score"] as? Int == 4)
            let thanked = try await Self.history(api, inboxID: inboxID, token: token)
            #expect(thanked.suffix(2).compactMap { $0["text"] as? String } == ["  Quick and kind.  ", "Thank you for your answer."])
            let rated = try await api.send(.get, "/api/v1/conversations/\(conversationID)").object
            #expect(rated["status"] as? String == "resolved", "neither the answer nor its comment reopens the conversation")
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)").object
            #expect((customer["attributes"] as? [String: Any])?["last_csat_score"] as? Double == 4)

            // After the thanks, a message is a message for the team again, in a new conversation.
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"more","text":"And the green one?"}"#)
            #expect(try await Self.survey(api, customerID: customerID)["comment"] as? String == "Quick and kind.")
            #expect(try await api.send(.get, "/api/v1/conversations/\(conversationID)").object["status"] as? String == "resolved")
            let thread = try await Self.history(api, inboxID: inboxID, token: token)
            #expect(thread.last?["text"] as? String == "And the green one?")
            #expect(thread.count == thanked.count + 1, "the window goes on across the resolved conversation and the new one")

            // A resolved chat stays in the window for two days, then the window starts empty.
            let (quiet, _, _) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c3")
            #expect(try await Self.history(api, inboxID: inboxID, token: quiet).count == 3)
            #expect(try await Self.history(api, inboxID: inboxID, token: token).count == thread.count, "each visitor sees their own thread")
            api.clock.advance(by: 2 * 86_400 + 1)
            let (_, renewed) = try await api.chatSession(inboxID, json: #"{"token":"\#(quiet)"}"#)
            #expect(try await Self.history(api, inboxID: inboxID, token: renewed).isEmpty)
        }
    }

    @Test("a low score with its reason in one message is thanked at once and opens the follow-up; a message after an agent's is no answer", arguments: TestDatabase.available)
    func scoreWithReason(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.surveyedChatInbox(api)
            let (token, _, customerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c1")
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"low","text":"1 - nobody told me about the delay"}"#)
            let stored = try await Self.survey(api, customerID: customerID)
            #expect(stored["score"] as? Int == 1)
            #expect(stored["comment"] as? String == "nobody told me about the delay")
            #expect(stored["follow_up_conversation_id"] is String)
            #expect(try await Self.history(api, inboxID: inboxID, token: token).last?["text"] as? String == "Thank you for your answer.")
            // No question for the reason was asked: the next message goes to the team.
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"next","text":"Can you call me?"}"#)
            #expect(try await Self.survey(api, customerID: customerID)["comment"] as? String == "nobody told me about the delay")
            // It lands in the follow-up the answer opened, where the team will write back.
            let followUpID = try #require(stored["follow_up_conversation_id"] as? String)
            let followUp = try #require(try await api.send(.get, "/api/v1/conversations/\(followUpID)/messages").object["data"] as? [[String: Any]])
            #expect(followUp.last?["text"] as? String == "Can you call me?")
            #expect(try await Self.history(api, inboxID: inboxID, token: token).last?["text"] as? String == "Can you call me?")

            // Another visitor: an agent writes after the question, so "5" is a message, not an answer.
            let (otherToken, otherConversationID, otherCustomerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c2")
            _ = try await api.send(.post, "/api/v1/conversations/\(otherConversationID)/messages", json: #"{"text":"One more thing: your code is MUG10."}"#)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: otherToken, json: #"{"client_id":"five","text":"5"}"#)
            #expect(try await Self.survey(api, customerID: otherCustomerID)["status"] as? String == "sent")
            let thread = try await Self.history(api, inboxID: inboxID, token: otherToken)
            #expect(thread.last?["text"] as? String == "5")
            #expect(thread.allSatisfy { ($0["survey"] as? [String: Any]) == nil || $0["from"] as? String == "bot" })
        }
    }

    @Test("the reason is taken only while asked last: not half an hour later, not after the team wrote in the follow-up, not as a bare score", arguments: TestDatabase.available)
    func reasonOnlyWhileAsked(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.surveyedChatInbox(api)

            // A bare score after the question for the reason: the same one is the card pressed twice.
            let (token, conversationID, customerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c1")
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"five","text":"5"}"#)
            let twice = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"five-again","text":"5"}"#)
            #expect(twice.object["duplicates"] as? Int == 1 && twice.object["stored"] as? Int == 0)
            #expect(try await Self.survey(api, customerID: customerID)["comment"] is NSNull)
            // Half an hour later the visitor is back about something else: a message for the team.
            api.clock.advance(by: 30 * 60 + 1)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"later","text":"Do you have it in red?"}"#)
            #expect(try await Self.survey(api, customerID: customerID)["comment"] is NSNull)
            let conversations = try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
            #expect(conversations.contains { $0["id"] as? String != conversationID && $0["customer_id"] as? String == customerID }, "it opened a conversation")

            // A low score opens the follow-up; once the team writes there, the reply is for the team.
            let (other, _, otherCustomerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c2")
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: other, json: #"{"client_id":"low","text":"2"}"#)
            let low = try await Self.survey(api, customerID: otherCustomerID)
            #expect(low["score"] as? Int == 2 && low["comment"] is NSNull)
            let followUpID = try #require(low["follow_up_conversation_id"] as? String)
            _ = try await api.send(.post, "/api/v1/conversations/\(followUpID)/messages", json: #"{"text":"Sorry to read that. What went wrong?"}"#)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: other, json: #"{"client_id":"why","text":"The parcel came late"}"#)
            #expect(try await Self.survey(api, customerID: otherCustomerID)["comment"] is NSNull)
            let followUp = try #require(try await api.send(.get, "/api/v1/conversations/\(followUpID)/messages").object["data"] as? [[String: Any]])
            #expect(followUp.last?["text"] as? String == "The parcel came late", "the reply lands where the team asked")

            // A visitor asked the CSAT who writes elsewhere first: their "1" later is no answer.
            let (third, _, thirdCustomerID) = try await Self.resolvedChat(api, inboxID: inboxID, client: "c3")
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: third, json: #"{"client_id":"q","text":"Which size, 1 or 2?"}"#)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: third, json: #"{"client_id":"n","text":"1"}"#)
            #expect(try await Self.survey(api, customerID: thirdCustomerID)["status"] as? String == "sent", "a number in a newer conversation answers nothing")
        }
    }
}
