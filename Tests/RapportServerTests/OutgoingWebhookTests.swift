import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Outgoing webhooks and live updates")
struct OutgoingWebhookTests {
    @Test("events reach subscribers signed, once each, through the job queue; failures are retried and every attempt is visible", arguments: TestDatabase.available)
    func delivery(database: TestDatabase) async throws {
        let subscriber = try await FakeProvider.start()
        defer { subscriber.stop() }
        try await APIHarness.run(on: database) { api in
            let bad = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"ftp://x","event_types":["nope"]}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("event_types[0]"))
            let created = try await api.send(.post, "/api/v1/webhook_endpoints", json: """
                {"url":"\(subscriber.baseURL)/hooks/rapport","event_types":["customer.created"]}
                """)
            #expect(created.status == .created)
            let secret = try #require(created.object["secret"] as? String)
            let subscriptionID = try #require(created.object["id"] as? String)
            #expect(try await api.send(.get, "/api/v1/webhook_endpoints/\(subscriptionID)").object["secret"] == nil)

            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"hook@example.com"}]}"#)
            let customerID = try #require(customer.object["id"] as? String)
            let dispatcher = EventDispatcher(store: api.services.store, clock: api.clock)
            #expect(try await dispatcher.dispatchWhenSettled() > 0)
            // Dispatching again finds nothing new: one job per subscriber and event.
            _ = try await dispatcher.dispatch()
            try await api.runJobs()
            let deliveries = subscriber.requests.filter { $0.path == "/hooks/rapport" }
            #expect(deliveries.count == 1)
            let delivery = try #require(deliveries.first)
            #expect(delivery.headers["rapport-event-type"] == "customer.created")
            let header = try #require(delivery.headers["rapport-signature"])
            let timestamp = try #require(header.split(separator: ",").first?.dropFirst(2)).description
            #expect(header == WebhookSignature.outgoingSignature(secret: secret, timestamp: Int64(timestamp) ?? 0, body: delivery.body))
            #expect((delivery.json["data"] as? [String: Any])?["id"] as? String == customerID)
            #expect(delivery.json["type"] as? String == "customer.created")
            #expect(delivery.json["data_version"] as? Int == CustomerEventPayload.version)
            let stored = try #require(try await api.services.store.read { try await $0.events.events(after: 0, limit: 100) }.last { $0.event.subjectID == customerID })
            #expect(stored.event.payloadVersion == CustomerEventPayload.version)

            // The clock stands still from here: the retry falls due only when the test moves it.
            api.clock.freeze()
            subscriber.script("/hooks/rapport", status: .internalServerError, body: "{}")
            _ = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"hook2@example.com"}]}"#)
            _ = try await dispatcher.dispatchWhenSettled()
            try await api.runJobs()
            let attempts = try #require(try await api.send(.get, "/api/v1/webhook_endpoints/\(subscriptionID)/attempts").object["data"] as? [[String: Any]])
            #expect(attempts.map { $0["status_code"] as? Int } == [500, 200])
            #expect(attempts.map { $0["succeeded"] as? Bool } == [false, true])
            let retrying = try await api.services.jobs.list(status: .queued, kind: WebhookDeliveryPayload.jobKind, limit: 10)
            #expect(retrying.count == 1)
            #expect(retrying.first?.lastError?.contains("500") == true)
            #expect(try await api.runJobs() == 0)

            // Once its backoff has passed the retry runs, and the subscriber (still failing) is tried again.
            api.clock.advance(by: 3_600)
            #expect(try await api.runJobs() == 1)
            let retried = try #require(try await api.send(.get, "/api/v1/webhook_endpoints/\(subscriptionID)/attempts").object["data"] as? [[String: Any]])
            #expect(retried.map { $0["status_code"] as? Int } == [500, 500, 200])
        }
    }

    @Test("a journey's webhook step posts to the one outgoing webhook it names, signed, once per visit; a webhook listening to every event does not get it", arguments: TestDatabase.available)
    func journeyWebhookStep(database: TestDatabase) async throws {
        let subscriber = try await FakeProvider.start()
        defer { subscriber.stop() }
        try await APIHarness.run(on: database) { api in
            let named = try await api.send(.post, "/api/v1/webhook_endpoints", json: """
                {"url":"\(subscriber.baseURL)/hooks/journey","event_types":["customer.created"]}
                """)
            let secret = try #require(named.object["secret"] as? String)
            let webhookID = try #require(named.object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/webhook_endpoints", json: """
                {"url":"\(subscriber.baseURL)/hooks/everything","event_types":["*"]}
                """)
            let journey = try await api.send(.post, "/api/v1/journeys", json: """
                {"name": "Tell the ERP", "definition": {"trigger": {"manual": true},
                 "steps": [{"key": "erp", "type": "webhook", "webhook_id": "\(webhookID)"}]}}
                """)
            let journeyID = try #require(journey.object["id"] as? String, "\(journey.text)")
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/publish").status == .ok)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"erp@example.com"}]}"#)
            let customerID = try #require(customer.object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/journeys/\(journeyID)/enrolments", json: #"{"customer_ids": ["\#(customerID)"]}"#).status == .created)
            #expect(try await api.services.journeyRunner.runDue() == 1)
            _ = try await EventDispatcher(store: api.services.store, clock: api.clock).dispatchWhenSettled()
            try await api.runJobs()

            // The named webhook also hears the customer.created it listens for; the journey's call once.
            let calls = subscriber.requests.filter { $0.path == "/hooks/journey" && $0.headers["rapport-event-type"] == "journey.webhook" }
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(call.headers["rapport-event-type"] == "journey.webhook")
            let header = try #require(call.headers["rapport-signature"])
            let timestamp = try #require(header.split(separator: ",").first?.dropFirst(2)).description
            #expect(header == WebhookSignature.outgoingSignature(secret: secret, timestamp: Int64(timestamp) ?? 0, body: call.body))
            let data = try #require(call.json["data"] as? [String: Any])
            #expect(data["journey_id"] as? String == journeyID && data["step_key"] as? String == "erp" && data["customer_id"] as? String == customerID)
            let refused = try await api.send(.post, "/api/v1/webhook_endpoints", json: """
                {"url":"\(subscriber.baseURL)/hooks/x","event_types":["journey.webhook"]}
                """)
            #expect(refused.status == .unprocessableContent && refused.text.contains("event_types[0]"), "nothing subscribes to journey.webhook")
            let everything = subscriber.requests.filter { $0.path == "/hooks/everything" }.compactMap { $0.json["type"] as? String }
            #expect(!everything.isEmpty && !everything.contains("journey.webhook"), "\(everything)")
        }
    }

    @Test("a connected agent's stream gets the new message of a webhook as it is stored", arguments: TestDatabase.available)
    func livePush(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "tok", "phone_number": "+18005551212"],
                as: .operator(workspaceID: api.workspaceID))
            let subscription = api.services.live.subscribe(workspaceID: api.workspaceID, inboxIDs: [inbox.id])
            let other = api.services.live.subscribe(workspaceID: "wsp_other")
            let form = "MessageSid=SMlive1&From=%2B14158675309&To=%2B18005551212&Body=Hi+there"
            let response = try await MetaAndTwilioChannelTests.postTwilio(api, path: "/webhooks/twilio/sms/\(inbox.id)", form: form, token: "tok")
            #expect(response.status == .ok)
            var iterator = subscription.updates.makeAsyncIterator()
            let first = try #require(await iterator.next())
            let second = try #require(await iterator.next())
            #expect(first.type == .conversationCreated)
            #expect(second.type == .messageCreated)
            #expect(second.json.contains("\"text\":\"Hi there\""))
            // Another workspace's agent heard nothing of it: the first thing it gets is this marker.
            api.services.live.deliverLocally([LiveUpdate(workspaceID: "wsp_other", type: .messageUpdated, conversationID: "marker", inboxID: "", json: "{}")])
            var otherIterator = other.updates.makeAsyncIterator()
            #expect(await otherIterator.next()?.conversationID == "marker")
        }
    }
}
