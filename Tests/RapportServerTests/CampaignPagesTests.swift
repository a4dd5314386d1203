import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The campaign pages and the preview and test-send API: a marketer writes a campaign with the
/// form, previews it as a real customer (whose links do nothing), sends a test to herself
/// through a real SMTP server (aiosmtpd) and the campaign itself, and reads the report, which
/// never counts the test.
@Suite("Campaign pages, preview and test send")
struct CampaignPagesTests {
    /// What the tests send to: an e-mail inbox on the sink with a DKIM key, three customers
    /// (Ana and Budi agreed to marketing e-mail, Budi reads Indonesian; Nora never answered),
    /// and a list holding them.
    struct Audience {
        var inboxID: String
        var listID: String
        var ana: String
        var budi: String
        var nora: String
    }

    static func audience(_ api: APIHarness, sink: SMTPSink) async throws -> Audience {
        let inboxID = try await SignedCampaignInbox.make(api, sink: sink)
        var ids: [String] = []
        for (email, name, locale, consent) in [
            ("ana@example.com", "Ana", "en", true), ("budi@example.co.id", "Budi", "id-ID", true), ("nora@example.com", "Nora", "en", false),
        ] {
            let created = try await api.send(.post, "/api/v1/customers", json: """
                {"identities":[{"kind":"email","value":"\(email)"}],"first_name":"\(name)","locale":"\(locale)"}
                """)
            let id = try #require(created.object["id"] as? String, "\(created.text)")
            if consent {
                let answer = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                    {"purpose":"marketing","channel":"email","status":"granted","source":"form"}
                    """)
                #expect(answer.status == .created, "\(answer.text)")
            }
            ids.append(id)
        }
        let list = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name":"Newsletter","kind":"list"}"#).object["id"] as? String)
        let added = try await api.send(.post, "/api/v1/segments/\(list)/members", json: """
            {"customer_ids":[\(ids.map { "\"\($0)\"" }.joined(separator: ","))]}
            """)
        #expect(added.status == .ok, "\(added.text)")
        return Audience(inboxID: inboxID, listID: list, ana: ids[0], budi: ids[1], nora: ids[2])
    }

    /// The campaign as the form sends it: English and Indonesian, nobody held out.
    static func formFields(_ browser: WebWorkspaceTests.Browser, _ audience: Audience, subject: String = "Hi {{customer.first_name | default: \"there\"}}")
        -> [(String, String)]
    {
        [
            ("_csrf", browser.csrf), ("name", "Autumn quills"), ("inbox_id", audience.inboxID), ("segment_ids", audience.listID),
            ("subject", subject), ("preheader", "Ten new nibs"),
            ("body", "Hello {{customer.first_name | default: \"friend\"}}, **ten** new quills. [Shop now](https://shop.test/quills)"),
            ("text", ""), ("locale", "en"), ("variant_locale", "id"), ("variant_subject", "Halo {{customer.first_name}}"),
            ("variant_preheader", ""), ("variant_body", "Halo {{customer.first_name}}, ada pena baru."), ("holdout", "0"), ("cap_messages", "3"),
            ("cap_days", "7"), ("send_at", ""),
        ]
    }

    static func location(_ response: TestResponse) -> String {
        response.headers[.location] ?? ""
    }

    @Test("a marketer writes a campaign with the form, previews it as a customer, tests it to herself, sends it, and reads a report that never counts the test", arguments: TestDatabase.available)
    func writePreviewTestSend(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let audience = try await Self.audience(api, sink: sink)
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")

            let empty = try await WebWorkspaceTests.get(api, "/campaigns", cookie: marketer.cookie)
            #expect(empty.status == .ok && empty.text.contains("No campaign yet.") && empty.text.contains("href=\"/campaigns/new\""))
            #expect(empty.text.contains("<a href=\"/campaigns\" aria-current=\"page\">Campaigns</a>"), "the navigation links the campaigns")
            let form = try await WebWorkspaceTests.get(api, "/campaigns/new", cookie: marketer.cookie)
            #expect(form.status == .ok && form.text.contains("value=\"\(audience.inboxID)\"") && form.text.contains("value=\"\(audience.listID)\""))

            // A refusal keeps what was typed and marks the field at fault.
            let refused = try await WebWorkspaceTests.post(api, "/campaigns", Self.formFields(marketer, audience, subject: ""), cookie: marketer.cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Subject is required") && refused.text.contains("name=\"subject\" maxlength=\"255\" value=\"\" aria-invalid=\"true\""))
            #expect(refused.text.contains("value=\"Autumn quills\"") && refused.text.contains("value=\"Halo {{customer.first_name}}\""), "what was typed stays")

            let created = try await WebWorkspaceTests.post(api, "/campaigns", Self.formFields(marketer, audience), cookie: marketer.cookie)
            #expect(created.status == .seeOther, "\(created.text)")
            let path = Self.location(created)
            #expect(path.hasPrefix("/campaigns/cmp_"))
            let id = String(path.dropFirst("/campaigns/".count))
            let saved = try await api.send(.get, "/api/v1/campaigns/\(id)")
            let definition = try #require(saved.object["definition"] as? [String: Any])
            #expect(definition["holdout_share"] as? Double == 0 && definition["default_locale"] as? String == "en")
            #expect(((definition["content"] as? [String: Any])?["id"] as? [String: Any])?["subject"] as? String == "Halo {{customer.first_name}}")

            // The page: a draft to send, previewed as the sample until a customer is chosen.
            let page = try await WebWorkspaceTests.get(api, path, cookie: marketer.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("data-status=\"draft\"") && page.text.contains("action=\"/campaigns/\(id)/send\""))
            #expect(page.text.contains("<dd id=\"preview-subject\">Hi there</dd>"), "the sample shows every fallback")
            #expect(page.text.contains("value=\"\(audience.ana)\""), "the list's members are offered to preview as")
            let policy = try #require(page.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(policy.contains("frame-src 'self'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))

            let asAna = try await WebWorkspaceTests.get(api, "\(path)?customer_id=\(audience.ana)", cookie: marketer.cookie)
            #expect(asAna.text.contains("<dd id=\"preview-subject\">Hi Ana</dd>") && asAna.text.contains("ana@example.com"))
            #expect(asAna.text.contains("src=\"/campaigns/\(id)/preview?customer_id=\(audience.ana)\""))
            let asBudi = try await WebWorkspaceTests.get(api, "\(path)?customer_id=\(audience.budi)", cookie: marketer.cookie)
            #expect(asBudi.text.contains("<dd id=\"preview-subject\">Halo Budi</dd>"), "Budi's locale picks the Indonesian version")
            let inEnglish = try await WebWorkspaceTests.get(api, "\(path)?customer_id=\(audience.budi)&locale=en", cookie: marketer.cookie)
            #expect(inEnglish.text.contains("<dd id=\"preview-subject\">Hi Budi</dd>"))

            // The frame's document: the e-mail itself, sandboxed, framed only by Rapport.
            let frame = try await WebWorkspaceTests.get(api, "/campaigns/\(id)/preview?customer_id=\(audience.ana)", cookie: marketer.cookie)
            #expect(frame.status == .ok && frame.text.contains("Hello Ana,") && frame.text.contains("<strong>ten</strong>"))
            #expect(frame.text.contains("href=\"https://shop.test/quills\""), "a preview is untracked: its links go straight to their targets")
            let framePolicy = try #require(frame.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(framePolicy.contains("default-src 'none'") && framePolicy.contains("frame-ancestors 'self'") && !framePolicy.contains("script-src"))
            #expect(asAna.text.contains("id=\"preview-frame\" src=\"/campaigns/\(id)/preview?customer_id=\(audience.ana)\" sandbox=\"\""))
            #expect(frame.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")

            // Its unsubscribe link has the real format, but the token does nothing.
            let link = try #require(frame.text.firstMatch(of: /\/unsubscribe\/([A-Za-z0-9_.\-]+)\?send=(snd_[0-9A-Za-z]+)/))
            #expect(link.1.hasSuffix(".preview"))
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let clicked = try await api.client.execute(
                uri: "/unsubscribe/\(link.1)?send=\(link.2)", method: .post, headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(clicked.status == .notFound)
            let consents = try #require(try await api.send(.get, "/api/v1/customers/\(audience.ana)/consents").object["data"] as? [[String: Any]])
            #expect(consents.first { $0["channel"] as? String == "email" }?["status"] as? String == "granted", "the preview unsubscribed nobody")

            // A test to herself, as Ana would get it: through the inbox, signed, never counted.
            let tested = try await WebWorkspaceTests.post(
                api, "/campaigns/\(id)/test", [("_csrf", marketer.csrf), ("customer_id", audience.ana)], cookie: marketer.cookie)
            #expect(tested.status == .seeOther, "\(tested.text)")
            #expect(Self.location(tested) == "/campaigns/\(id)?customer_id=\(audience.ana)&done=test")
            let received = try sink.received()
            #expect(received.count == 1)
            let test = try #require(received.first)
            #expect((test.envelope["to"] as? [String]) == ["marketer@shop.test"])
            let raw = String(decoding: test.message, as: UTF8.self)
            #expect(raw.contains("Subject: [Test] Hi Ana") && raw.contains("DKIM-Signature:"))
            let parts = MIMEParser.parse(test.message).allParts.filter(\.parts.isEmpty).map { String(decoding: $0.decodedBody, as: UTF8.self) }.joined()
            #expect(parts.contains("Hello Ana,") && parts.contains(".preview?send=snd_"))
            let notice = try await WebWorkspaceTests.get(api, Self.location(tested), cookie: marketer.cookie)
            #expect(notice.text.contains("A test went to you at marketer@shop.test."))
            let audit = try await api.send(.get, "/api/v1/audit_entries?action=campaign.test_sent")
            let entry = try #require((audit.object["data"] as? [[String: Any]])?.first)
            #expect(entry["subject_id"] as? String == id && (entry["details"] as? [String: String])?["outcome"] == "sent")
            let untouched = try #require(try await api.send(.get, "/api/v1/campaigns/\(id)").object["stats"] as? [String: Any])
            #expect(untouched["audience"] as? Int == 0 && untouched["sent"] as? Int == 0, "a test is not in the send log")

            // Sent from its page: the sender delivers, and the report counts what went and why the rest did not.
            let sent = try await WebWorkspaceTests.post(api, "/campaigns/\(id)/send", [("_csrf", marketer.csrf)], cookie: marketer.cookie)
            #expect(sent.status == .seeOther && Self.location(sent) == "/campaigns/\(id)?done=sending")
            let sending = try await WebWorkspaceTests.get(api, Self.location(sent), cookie: marketer.cookie)
            #expect(sending.text.contains("data-status=\"sending\"") && sending.text.contains("action=\"/campaigns/\(id)/pause\""))
            var rounds = 0
            while try await api.send(.get, "/api/v1/campaigns/\(id)").object["status"] as? String == "sending", rounds < 20 {
                _ = try await api.services.campaignSender.runDue()
                rounds += 1
            }
            #expect(try sink.received().count == 3, "the test, then Ana's and Budi's messages")
            let report = try await WebWorkspaceTests.get(api, path, cookie: marketer.cookie)
            #expect(report.text.contains("data-status=\"sent\""))
            #expect(report.text.contains("<li id=\"stat-sent\"><span class=\"figure\" data-count=\"2\">2</span>"))
            #expect(report.text.contains("<li id=\"stat-audience\"><span class=\"figure\" data-count=\"3\">3</span>"))
            #expect(report.text.contains(#/data-reason="no_consent"><td>[^<]+</td><td class="num">1</td>/#), "Nora never agreed")
            #expect(report.text.contains("<svg class=\"chart\"") && report.text.contains(": 2 sent</title>"), "the chart has the hour both went in")
            #expect(!report.text.contains("action=\"/campaigns/\(id)/send\""), "a sent campaign is not sent again")
            let counted = try #require(try await api.send(.get, "/api/v1/campaigns/\(id)").object["stats"] as? [String: Any])
            #expect(counted["sent"] as? Int == 2 && counted["skipped_no_consent"] as? Int == 1, "the test is not counted")

            let list = try await WebWorkspaceTests.get(api, "/campaigns", cookie: marketer.cookie)
            #expect(list.text.contains("href=\"/campaigns/\(id)\">Autumn quills</a>") && list.text.contains("<td class=\"num sent\">2</td>"))
            #expect(list.text.contains("<td class=\"num audience\">3</td>"))

            // An agent reads campaigns, but neither writes, sends nor tests them.
            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let seen = try await WebWorkspaceTests.get(api, "/campaigns", cookie: agent.cookie)
            #expect(seen.status == .ok && seen.text.contains("Autumn quills") && !seen.text.contains("/campaigns/new"))
            let shown = try await WebWorkspaceTests.get(api, path, cookie: agent.cookie)
            #expect(shown.status == .ok && !shown.text.contains("id=\"send-test\""))
            #expect(try await WebWorkspaceTests.get(api, "/campaigns/new", cookie: agent.cookie).status == .forbidden)
            let refusedTest = try await WebWorkspaceTests.post(api, "/campaigns/\(id)/test", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(refusedTest.status == .forbidden)
        }
    }

    @Test("the preview API renders as a customer or the sample, in a chosen version; a test goes only to a user of the workspace", arguments: TestDatabase.available)
    func previewAndTestSendAPI(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let audience = try await Self.audience(api, sink: sink)
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Quills","channel":"email","inbox_id":"\(audience.inboxID)","definition":{"audience":{"segment_ids":["\(audience.listID)"]},
                 "default_locale":"en","content":{"en":{"subject":"Hi {{customer.first_name | default: \\"there\\"}}","body":"Hello {{customer.first_name}}"},
                            "id":{"subject":"Halo {{customer.first_name}}","body":"Halo"}}}}
                """)
            let id = try #require(created.object["id"] as? String, "\(created.text)")

            let ana = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"customer_id":"\#(audience.ana)"}"#)
            #expect(ana.status == .ok, "\(ana.text)")
            #expect(ana.object["object"] as? String == "campaign_preview" && ana.object["subject"] as? String == "Hi Ana")
            #expect(ana.object["to"] as? String == "ana@example.com" && ana.object["locale"] as? String == "en")
            #expect(ana.object["customer_id"] as? String == audience.ana)
            #expect((ana.object["html"] as? String)?.contains("Hello Ana") == true && (ana.object["text"] as? String)?.contains("Hello Ana") == true)
            let budi = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"customer_id":"\#(audience.budi)"}"#)
            #expect(budi.object["subject"] as? String == "Halo Budi" && budi.object["locale"] as? String == "id")
            let chosen = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"customer_id":"\#(audience.budi)","locale":"en"}"#)
            #expect(chosen.object["subject"] as? String == "Hi Budi")
            let sample = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: "{}")
            #expect(sample.status == .ok && sample.object["subject"] as? String == "Hi there")
            #expect(sample.object["customer_id"] is NSNull && sample.object["to"] as? String == CampaignService.sampleAddress)

            let unknown = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"customer_id":"cus_01JD8Z00000000000000000000"}"#)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("customer_id"))
            let badLocale = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"locale":"english please"}"#)
            #expect(badLocale.status == .unprocessableContent && badLocale.text.contains("locale"))
            let extra = try await api.send(.post, "/api/v1/campaigns/\(id)/preview", json: #"{"customer":"x"}"#)
            #expect(extra.status == .unprocessableContent)
            #expect(try await api.send(.post, "/api/v1/campaigns/cmp_01JD8Z00000000000000000000/preview", json: "{}").status == .notFound)

            // A key has no address of its own, and a test never goes outside the team.
            let noAddress = try await api.send(.post, "/api/v1/campaigns/\(id)/test_send", json: #"{"customer_id":"\#(audience.ana)"}"#)
            #expect(noAddress.status == .unprocessableContent && noAddress.text.contains("address"))
            let stranger = try await api.send(.post, "/api/v1/campaigns/\(id)/test_send", json: #"{"address":"ana@example.com"}"#)
            #expect(stranger.status == .unprocessableContent, "a customer is not the team")
            #expect(try sink.received().isEmpty)

            _ = try await WebWorkspaceTests.user(api, .marketer)
            let tested = try await api.send(
                .post, "/api/v1/campaigns/\(id)/test_send", json: #"{"customer_id":"\#(audience.budi)","address":"Marketer@Shop.test"}"#)
            #expect(tested.status == .ok, "\(tested.text)")
            #expect(tested.object["object"] as? String == "campaign_test_send" && tested.object["to"] as? String == "marketer@shop.test")
            #expect(tested.object["subject"] as? String == "[Test] Halo Budi" && tested.object["locale"] as? String == "id")
            let messageID = try #require(tested.object["message_id"] as? String)
            let received = try sink.received()
            #expect(received.count == 1 && (received.first?.envelope["to"] as? [String]) == ["marketer@shop.test"])
            #expect(String(decoding: try #require(received.first).message, as: UTF8.self).contains("Message-ID: <\(messageID)>"))
            let stats = try #require(try await api.send(.get, "/api/v1/campaigns/\(id)").object["stats"] as? [String: Any])
            #expect(stats["audience"] as? Int == 0 && stats["sent"] as? Int == 0)

            // A mail server that takes nothing: a 422 with its words, and the attempt audited.
            let closed = try await api.services.inboxes.createInbox(
                channel: .email, name: "Closed", settings: ["address": "shop@shop.test", "smtp_host": "127.0.0.1", "smtp_port": "1"],
                as: .operator(workspaceID: api.workspaceID))
            let moved = try await api.send(.patch, "/api/v1/campaigns/\(id)", json: #"{"inbox_id":"\#(closed.id)"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            let failed = try await api.send(.post, "/api/v1/campaigns/\(id)/test_send", json: #"{"address":"marketer@shop.test"}"#)
            #expect(failed.status == .unprocessableContent && failed.text.contains("did not take the test"), "\(failed.text)")
            let audit = try await api.send(.get, "/api/v1/audit_entries?action=campaign.test_sent")
            let outcomes = try #require(audit.object["data"] as? [[String: Any]]).compactMap { ($0["details"] as? [String: String])?["outcome"] }
            #expect(outcomes.sorted() == ["not_sent", "sent"])
        }
    }
}
