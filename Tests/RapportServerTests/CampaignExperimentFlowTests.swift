import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// An A/B test through the sender and a real SMTP server: half the audience gets A or B, the
/// rest waits; clicks on B's messages make B the winner, sent to the rest by itself; with no
/// difference the campaign pauses and a manager's choice sends it.
@Suite("Campaign A/B tests")
struct CampaignExperimentFlowTests {
    static let audience = 40

    struct World {
        let inboxID: String
        let listID: String
    }

    static func world(_ api: APIHarness, sink: SMTPSink) async throws -> World {
        let inboxID = try await SignedCampaignInbox.make(api, sink: sink)
        let listID = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name": "All", "kind": "list"}"#).object["id"] as? String)
        var ids: [String] = []
        for index in 0..<Self.audience {
            let id = try #require(try await api.send(.post, "/api/v1/customers", json: """
                {"identities":[{"kind":"email","value":"c\(index)@example.com"}]}
                """).object["id"] as? String)
            ids.append(id)
            _ = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form"}"#)
        }
        _ = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: """
            {"customer_ids": [\(ids.map { "\"\($0)\"" }.joined(separator: ","))]}
            """)
        return World(inboxID: inboxID, listID: listID)
    }

    static func campaign(_ api: APIHarness, _ world: World, name: String) async throws -> String {
        let created = try await api.send(.post, "/api/v1/campaigns", json: """
            {"name":"\(name)","channel":"email","inbox_id":"\(world.inboxID)","definition":{"audience":{"segment_ids":["\(world.listID)"]},
             "holdout_share":0,"frequency_cap":{"messages":10,"days":7},
             "content":{"en":{"subject":"\(name) A","body":"[Shop](https://shop.test/)"}},
             "experiment":{"variants":[{"name":"B","content":{"en":{"subject":"\(name) B"}}}],"test_share":0.5,"wait_hours":0,"metric":"click_rate"}}}
            """)
        let id = try #require(created.object["id"] as? String, "\(created.text)")
        #expect(try await api.send(.post, "/api/v1/campaigns/\(id)/send").status == .accepted)
        return id
    }

    static func subjects(_ sink: SMTPSink) throws -> [String: String] {
        var subjects: [String: String] = [:]
        for message in try sink.received() {
            let text = String(decoding: message.message, as: UTF8.self)
            let subject = text.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }?.dropFirst(9)
            subjects[(message.envelope["to"] as? [String])?.first ?? ""] = subject.map(String.init)
        }
        return subjects
    }

    @Test("clicks on B's messages make B the winner, which the rest of the audience then gets; the report compares the variants", arguments: TestDatabase.available)
    func automaticWinner(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let world = try await Self.world(api, sink: sink)
            let id = try await Self.campaign(api, world, name: "Quills")
            _ = try await api.services.campaignSender(batchSize: 100).runDue()
            let tested = try Self.subjects(sink)
            let stats = try #require(try await api.send(.get, "/api/v1/campaigns/\(id)").object["stats"] as? [String: Any])
            #expect(stats["waiting"] as? Int == Self.audience - tested.count && tested.count > 0 && tested.count < Self.audience, "\(stats)")
            #expect(Set(tested.values) == ["Quills A", "Quills B"], "both variants went: \(tested)")

            // Everyone who got B clicks; nobody who got A does.
            for message in try sink.received() where String(decoding: message.message, as: UTF8.self).contains("Subject: Quills B") {
                let html = try #require(MIMEParser.parse(message.message).allParts.first { $0.contentType.type == "text/html" })
                let page = String(decoding: html.decodedBody, as: UTF8.self)
                let link = try #require(CampaignTrackingTests.attribute("href", startingWith: "\(APIHarness.publicURL)/c/", in: page))
                #expect(try await api.client.execute(uri: CampaignTrackingTests.path(link), method: .get).status == .found)
            }
            var rounds = 0
            while try await api.send(.get, "/api/v1/campaigns/\(id)").object["status"] as? String == "sending", rounds < 10 {
                _ = try await api.services.campaignSender(batchSize: 100).runDue()
                rounds += 1
            }
            let done = try await api.send(.get, "/api/v1/campaigns/\(id)")
            #expect(done.object["status"] as? String == "sent" && done.object["winner_variant"] as? String == "B", "\(done.text)")
            let all = try Self.subjects(sink)
            #expect(all.count == Self.audience, "everyone got one message")
            for (address, subject) in all where tested[address] == nil { #expect(subject == "Quills B", "the rest got the winner: \(address)") }

            let report = try await api.send(.get, "/api/v1/campaigns/\(id)/report")
            let experiment = try #require(report.object["experiment"] as? [String: Any], "\(report.text)")
            #expect(experiment["winner"] as? String == "B" && experiment["metric"] as? String == "click_rate")
            let variants = try #require(experiment["variants"] as? [[String: Any]])
            #expect(variants.map { $0["name"] as? String } == ["A", "B"])
            #expect(variants.compactMap { $0["members"] as? Int }.reduce(0, +) == tested.count, "only the test's messages are compared")
            #expect(variants[1]["rate"] as? Double == 1 && variants[1]["significant"] as? Bool == true)
            let audit = try await api.services.audit.entries(filter: AuditFilter(), page: try PageRequest(limit: 100), as: .operator(workspaceID: api.workspaceID))
            #expect(audit.items.contains { $0.action == AuditAction.campaignWinnerChosen.rawValue && $0.details["chosen_by"] == "test" })
        }
    }

    @Test("without a difference the campaign pauses with the counts; a manager's choice sends that variant to the rest", arguments: TestDatabase.available)
    func managerChooses(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let world = try await Self.world(api, sink: sink)
            let id = try await Self.campaign(api, world, name: "Inks")
            _ = try await api.services.campaignSender(batchSize: 100).runDue()
            let tested = try Self.subjects(sink)
            _ = try await api.services.campaignSender(batchSize: 100).runDue()
            let paused = try await api.send(.get, "/api/v1/campaigns/\(id)")
            #expect(paused.object["status"] as? String == "paused", "\(paused.text)")
            #expect((paused.object["status_reason"] as? String)?.contains("The test found no winner at 95% (click_rate: A 0/") == true, "\(paused.text)")

            // The page shows the test's figures and the form to choose.
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/campaigns/\(id)", cookie: marketer.cookie).text
            #expect(page.contains("id=\"campaign-experiment\"") && page.contains("<tr data-variant=\"B\">") && page.contains("id=\"winner-form\""), "\(page)")
            #expect(try await api.send(.post, "/api/v1/campaigns/\(id)/resume").status == .conflict, "resuming alone would pause it again")
            #expect(!page.contains("id=\"resume-campaign\""))
            #expect(try await api.send(.post, "/api/v1/campaigns/\(id)/winner", json: #"{"variant":"Z"}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, "/api/v1/campaigns/\(id)/winner", json: #"{}"#).status == .unprocessableContent)
            let chosen = try await WebWorkspaceTests.post(api, "/campaigns/\(id)/winner", [("_csrf", marketer.csrf), ("variant", "B")], cookie: marketer.cookie)
            #expect(chosen.status == .seeOther, "\(chosen.text)")
            let now = try await api.send(.get, "/api/v1/campaigns/\(id)")
            #expect(now.object["status"] as? String == "sending" && now.object["winner_variant"] as? String == "B", "\(now.text)")
            #expect(try await api.send(.post, "/api/v1/campaigns/\(id)/winner", json: #"{"variant":"A"}"#).status == .conflict, "chosen once")
            var rounds = 0
            while try await api.send(.get, "/api/v1/campaigns/\(id)").object["status"] as? String == "sending", rounds < 10 {
                _ = try await api.services.campaignSender(batchSize: 100).runDue()
                rounds += 1
            }
            let all = try Self.subjects(sink)
            #expect(all.count == Self.audience)
            for (address, subject) in all where tested[address] == nil { #expect(subject == "Inks B", "the rest got the chosen variant: \(address)") }
            let report = try await api.send(.get, "/api/v1/campaigns/\(id)/report")
            let variants = try #require((report.object["experiment"] as? [String: Any])?["variants"] as? [[String: Any]], "\(report.text)")
            #expect(variants.compactMap { $0["members"] as? Int }.reduce(0, +) == tested.count, "the rest are not counted as B's test")
        }
    }

    @Test("each version of a test previews and test-sends on its own, in the API and on the page; a version the test lacks is a 422", arguments: TestDatabase.available)
    func variantPreview(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let world = try await Self.world(api, sink: sink)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Pens","channel":"email","inbox_id":"\(world.inboxID)","definition":{"audience":{"segment_ids":["\(world.listID)"]},
                 "content":{"en":{"subject":"Pens A","body":"Hello"}},
                 "experiment":{"variants":[{"name":"B","content":{"en":{"subject":"Pens B"}}},{"name":"C","content":{"en":{"subject":"Pens C","body":"Hello from C"}}}],"metric":"click_rate"}}}
                """)
            let id = try #require(created.object["id"] as? String, "\(created.text)")
            for (variant, subject) in [(nil, "Pens A"), ("A", "Pens A"), ("B", "Pens B"), ("C", "Pens C")] as [(String?, String)] {
                let body = variant.map { #"{"variant":"\#($0)"}"# } ?? "{}"
                let preview = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: body)
                #expect(preview.status == .ok && preview.object["subject"] as? String == subject, "\(variant ?? "none"): \(preview.text)")
                #expect(preview.object["variant"] as? String == variant ?? "A")
            }
            let unknown = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"variant":"Z"}"#)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("(A, B, C)"), "\(unknown.text)")

            _ = try await WebWorkspaceTests.user(api, .marketer)
            let test = try await api.send(.post, "/api/v1/campaigns/\(id)/test_send", json: #"{"variant":"C","address":"marketer@shop.test"}"#)
            #expect(test.status == .ok && test.object["subject"] as? String == "[Test] Pens C" && test.object["variant"] as? String == "C", "\(test.text)")
            func received() throws -> [String] {
                try sink.received().compactMap { message in
                    String(decoding: message.message, as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }
                }
            }
            #expect(try received() == ["Subject: [Test] Pens C"])
            let audit = try await api.send(.get, "/api/v1/audit_entries?action=campaign.test_sent")
            #expect(audit.text.contains("\"variant\":\"C\""), "the audit log keeps the version tested: \(audit.text)")

            let plain = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Plain","channel":"email","inbox_id":"\(world.inboxID)","segment_id":"\(world.listID)","subject":"Hi","body":"Hello"}
                """)
            let plainID = try #require(plain.object["id"] as? String, "\(plain.text)")
            let noTest = try await api.send(.post, "/api/v1/campaigns/\(plainID)/preview", json: #"{"variant":"B"}"#)
            #expect(noTest.status == .unprocessableContent && noTest.text.contains("has none"), "\(noTest.text)")
            #expect(try await api.send(.post, "/api/v1/campaigns/\(plainID)/preview", json: "{}").object["variant"] is NSNull)

            // The page: a choice of version, the one shown named, the frame and the test form carrying it.
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/campaigns/\(id)?variant=B", cookie: marketer.cookie)
            #expect(page.status == .ok && page.text.contains("id=\"preview-variant\"") && page.text.contains("<option value=\"B\" selected>B</option>"))
            #expect(page.text.contains("<dd id=\"preview-subject\">Pens B</dd>") && page.text.contains("<dd id=\"preview-variant-shown\">B</dd>"))
            #expect(page.text.contains("variant=B") && page.text.contains("<input type=\"hidden\" name=\"variant\" value=\"B\">"))
            let frame = try await WebWorkspaceTests.get(api, "/campaigns/\(id)/preview?variant=C", cookie: marketer.cookie)
            #expect(frame.status == .ok && frame.text.contains("Hello from C"))
            let frameA = try await WebWorkspaceTests.get(api, "/campaigns/\(id)/preview?variant=A", cookie: marketer.cookie)
            #expect(frameA.status == .ok && frameA.text.contains("Hello") && !frameA.text.contains("Hello from C"))
            let sent = try await WebWorkspaceTests.post(
                api, "/campaigns/\(id)/test", [("_csrf", marketer.csrf), ("variant", "B")], cookie: marketer.cookie)
            #expect(sent.status == .seeOther)
            #expect(try received() == ["Subject: [Test] Pens C", "Subject: [Test] Pens B"])
            let plainPage = try await WebWorkspaceTests.get(api, "/campaigns/\(plainID)", cookie: marketer.cookie)
            #expect(plainPage.status == .ok && !plainPage.text.contains("id=\"preview-variant\""), "no test, no choice of version")
        }
    }
}
