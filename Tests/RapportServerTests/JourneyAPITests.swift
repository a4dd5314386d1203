import Foundation
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/journeys`: drafts from a definition or a built-in journey, changed, published,
/// paused, resumed and archived; customers let in; the report; a customer's journeys.
@Suite("Journeys API")
struct JourneyAPITests {
    @Test("a draft from a definition is published, lets a customer in, reports them at its first step; the customer's page lists it; it pauses, resumes and archives", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Check in", "definition": {"trigger": {"manual": true},
                 "steps": [{"key": "week", "type": "wait", "duration": {"days": 7}, "next": "tag"}, {"key": "tag", "type": "update_profile", "add_tags": ["checked"]}]}}
                """)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("jny_") && created.object["status"] as? String == "draft" && created.object["live_version"] is NSNull)

            let renamed = try await api.send(.patch, "/api/v1/journeys/\(id)", json: #"{"name": "Weekly check in"}"#)
            #expect(renamed.status == .ok && renamed.object["name"] as? String == "Weekly check in")
            let published = try await api.send(.post, "/api/v1/journeys/\(id)/publish")
            #expect(published.status == .ok && published.object["status"] as? String == "live" && published.object["live_version"] as? Int == 1)

            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities": [{"kind": "email", "value": "ada@example.com"}]}"#)
            let customerID = try #require(customer.object["id"] as? String, "\(customer.text)")
            let enrolled = try await api.send(.post, "/api/v1/journeys/\(id)/enrolments", json: #"{"customer_ids": ["\#(customerID)"]}"#)
            #expect(enrolled.status == .created, "\(enrolled.text)")
            #expect((enrolled.object["data"] as? [[String: Any]])?.first?["source"] as? String == "api")
            _ = try await api.services.journeyRunner.runDue()

            let report = try await api.send(.get, "/api/v1/journeys/\(id)/report")
            #expect(report.status == .ok && report.object["entered"] as? Int == 1 && report.object["in_flight"] as? Int == 1, "\(report.text)")
            let steps = try #require(report.object["steps"] as? [[String: Any]])
            #expect(steps.first { $0["key"] as? String == "week" }?["waiting"] as? Int == 1)
            let ofCustomer = try await api.send(.get, "/api/v1/customers/\(customerID)/journeys")
            let enrolment = try #require((ofCustomer.object["data"] as? [[String: Any]])?.first)
            #expect(enrolment["journey_id"] as? String == id && enrolment["step_key"] as? String == "week" && enrolment["status"] as? String == "waiting")

            #expect(try await api.send(.post, "/api/v1/journeys/\(id)/pause").object["status"] as? String == "paused")
            #expect(try await api.send(.post, "/api/v1/journeys/\(id)/pause").status == .conflict)
            #expect(try await api.send(.post, "/api/v1/journeys/\(id)/resume").object["status"] as? String == "live")
            let listed = try await api.send(.get, "/api/v1/journeys?status=live")
            #expect((listed.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            #expect(try await api.send(.post, "/api/v1/journeys/\(id)/archive").object["status"] as? String == "archived")
            #expect(try await api.send(.delete, "/api/v1/journeys/\(id)").status == .conflict, "a published journey is archived, not deleted")
            let after = try await api.send(.get, "/api/v1/customers/\(customerID)/journeys")
            #expect((after.object["data"] as? [[String: Any]])?.first?["end_reason"] as? String == "archived")
        }
    }

    @Test("a built-in journey is switched on with an e-mail inbox and gets its segment; bad input is a 422 naming the field and saves nothing", arguments: TestDatabase.available)
    func templatesAndBadInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (inboxID, _) = try await CampaignAPITests.setUp(api)
            let winBack = try await api.send(.post, "/api/v1/journeys", json: #"{"template_key": "win_back", "inbox_id": "\#(inboxID)"}"#)
            #expect(winBack.status == .created, "\(winBack.text)")
            #expect(winBack.object["name"] as? String == "Win-back" && winBack.object["template_key"] as? String == "win_back")
            let trigger = ((winBack.object["definition"] as? [String: Any])?["trigger"] as? [String: Any])?["segment_entered"] as? String
            let segment = try await api.send(.get, "/api/v1/segments/\(try #require(trigger))")
            #expect(segment.status == .ok, "the template's segment was made")

            let cases: [(String, String)] = [
                (#"{"template_key": "nope", "inbox_id": "\#(inboxID)"}"#, "template_key"),
                (#"{"template_key": "welcome"}"#, "inbox_id"),
                (#"{"name": "X", "definition": {"trigger": {"manual": true}, "steps": [{"key": "a", "type": "wait"}]}}"#, "definition.steps[0].duration"),
                (#"{"name": "X"}"#, "definition"),
                (#"{"name": "X", "definition": {"trigger": {"manual": true}, "steps": [{"key": "a", "type": "exit"}]}, "surprise": 1}"#, "surprise"),
            ]
            for (body, field) in cases {
                let refused = try await api.send(.post, "/api/v1/journeys", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            let all = try await api.send(.get, "/api/v1/journeys")
            #expect((all.object["data"] as? [[String: Any]])?.count == 1, "only the win-back was saved")
            let id = try #require(winBack.object["id"] as? String)
            let publish = try await api.send(.post, "/api/v1/journeys/\(id)/publish")
            #expect(publish.status == .unprocessableContent && publish.text.contains("definition.steps["), "its messages cannot go out yet: \(publish.text)")
            #expect(try await api.send(.get, "/api/v1/journeys/jny_nope").status == .notFound)
            #expect(try await api.send(.post, "/api/v1/journeys/\(id)/enrolments", json: #"{"customer_ids": []}"#).status == .unprocessableContent)
        }
    }
}
