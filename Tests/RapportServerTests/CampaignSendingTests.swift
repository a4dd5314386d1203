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

/// Sending an e-mail campaign end to end: the API starts it, the sender resolves the audience
/// through the consent gate and delivers to a real SMTP server (aiosmtpd), each message signed
/// with the inbox's DKIM key (checked by dkimpy) and carrying RFC 8058 one-click unsubscribe.
@Suite("Campaign sending")
struct CampaignSendingTests {
    struct Recipient {
        let email: String?
        let firstName: String?
        let locale: String?
        let consent: String?
        var suppressed = false
    }

    @Test("a campaign reaches the members who agreed to marketing e-mail, signed and personalised; the others are counted by reason; one click unsubscribes", arguments: TestDatabase.available)
    func sendsToConsentingMembers(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
            let key = try DKIMKey.generate(.rsaSHA256)
            // As `rapport dkim generate` stores it.
            let inbox = try await api.services.inboxes.inbox(id: inboxID, channel: .email)
            _ = try await api.services.inboxes.updateInbox(
                id: inboxID, name: inbox.name,
                settingChanges: ["dkim_domain": "shop.test", "dkim_selector": "s2026", "dkim_private_key": key.pemRepresentation],
                teamID: nil, slaPolicyID: nil, as: .operator(workspaceID: api.workspaceID))
            let listed = try await api.send(.get, "/api/v1/inboxes")
            #expect(listed.text.contains("s2026") && !listed.text.contains("PRIVATE KEY"), "the key is a secret: never shown back")

            let recipients = [
                Recipient(email: "ana@example.com", firstName: "Ana", locale: "en", consent: "granted"),
                Recipient(email: "budi@example.co.id", firstName: "Budi", locale: "id-ID", consent: "granted"),
                Recipient(email: "nameless@example.com", firstName: nil, locale: nil, consent: "granted"),
                Recipient(email: "never@example.com", firstName: "Nora", locale: nil, consent: nil),
                Recipient(email: "withdrew@example.com", firstName: "Wim", locale: nil, consent: "withdrawn"),
                Recipient(email: nil, firstName: "Phone", locale: nil, consent: nil),
                Recipient(email: "bounced@example.com", firstName: "Bo", locale: nil, consent: "granted", suppressed: true),
            ]
            let list = try await api.send(.post, "/api/v1/segments", json: #"{"name": "Newsletter", "kind": "list"}"#)
            let listID = try #require(list.object["id"] as? String, "\(list.text)")
            var ids: [String: String] = [:]
            for recipient in recipients {
                let identity = recipient.email.map { #"{"kind":"email","value":"\#($0)"}"# } ?? #"{"kind":"phone","value":"+6281234567890"}"#
                let profile = [recipient.firstName.map { #""first_name":"\#($0)""# }, recipient.locale.map { #""locale":"\#($0)""# }].compactMap { $0 }
                let created = try await api.send(.post, "/api/v1/customers", json: """
                    {"identities":[\(identity)]\(profile.map { "," + $0 }.joined())}
                    """)
                let id = try #require(created.object["id"] as? String, "\(created.text)")
                ids[recipient.email ?? "phone"] = id
                if let consent = recipient.consent {
                    let answer = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                        {"purpose":"marketing","channel":"email","status":"\(consent)","source":"form"}
                        """)
                    #expect(answer.status == .created, "\(answer.text)")
                }
                if recipient.suppressed, let email = recipient.email {
                    try await api.services.store.write { session in
                        try await session.suppressions.suppress(Suppression(
                            workspaceID: api.workspaceID, channel: .email, address: email, reason: .hardBounce, source: "test",
                            createdAt: api.clock.now()))
                    }
                }
            }
            let added = try await api.send(.post, "/api/v1/segments/\(listID)/members", json: """
                {"customer_ids": [\(ids.values.map { "\"\($0)\"" }.joined(separator: ","))]}
                """)
            #expect(added.status == .ok, "\(added.text)")

            // No holdout here, so every consenting member gets it; an Indonesian version for `id`.
            let definition = """
                {"audience":{"segment_ids":["\(listID)"]},"default_locale":"en","holdout_share":0,
                 "content":{"en":{"subject":"Hi {{customer.first_name | default: \\"there\\"}}, new quills","preheader":"Autumn arrivals",
                                  "body":"# Autumn quills\\n\\nHello {{customer.first_name | default: \\"friend\\"}}, **ten** new nibs. [Shop now](https://shop.test/quills)"},
                            "id":{"subject":"Halo {{customer.first_name}}, pena baru","body":"Halo {{customer.first_name}}, ada pena baru."}}}
                """
            let created = try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Autumn quills","channel":"email","inbox_id":"\(inboxID)","definition":\(definition)}
                """)
            let campaignID = try #require(created.object["id"] as? String, "\(created.text)")

            let started = try await api.send(.post, "/api/v1/campaigns/\(campaignID)/send")
            #expect(started.status == .accepted, "\(started.text)")
            #expect(started.object["status"] as? String == "sending")
            #expect(try await api.send(.post, "/api/v1/campaigns/\(campaignID)/send").status == .conflict, "sent once")
            #expect(try await api.send(.delete, "/api/v1/segments/\(listID)").status == .conflict, "a campaign's segment stays")

            var rounds = 0
            while try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["status"] as? String == "sending", rounds < 20 {
                _ = try await api.services.campaignSender.runDue()
                rounds += 1
            }
            let report = try await api.send(.get, "/api/v1/campaigns/\(campaignID)")
            #expect(report.object["status"] as? String == "sent", "\(report.text)")
            let stats = try #require(report.object["stats"] as? [String: Any])
            #expect(stats["audience"] as? Int == 7)
            #expect(stats["sent"] as? Int == 3)
            #expect(stats["skipped_no_consent"] as? Int == 2, "never answered, and withdrew")
            #expect(stats["skipped_no_address"] as? Int == 1)
            #expect(stats["skipped_suppressed"] as? Int == 1)
            #expect(stats["pending"] as? Int == 0 && stats["failed"] as? Int == 0)

            let received = try sink.received()
            #expect(received.count == 3)
            let byRecipient = Dictionary(uniqueKeysWithValues: received.map { (($0.envelope["to"] as? [String])?.first ?? "", $0.message) })
            #expect(Set(byRecipient.keys) == ["ana@example.com", "budi@example.co.id", "nameless@example.com"])
            for (address, message) in byRecipient {
                let text = String(decoding: message, as: UTF8.self)
                let check = try DKIMCheck.dkimpy(message, record: key.dnsRecord.text)
                #expect(check.status == 0 && check.output.contains("s2026._domainkey.shop.test"), "\(address): \(check.output)")
                let headers = try #require(text.components(separatedBy: "\r\n\r\n").first).replacingOccurrences(of: "\r\n ", with: " ")
                #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
                let unsubscribe = try #require(headers.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: ") })
                #expect(unsubscribe.contains("<http") && unsubscribe.contains("/unsubscribe/") && unsubscribe.contains("<mailto:support@shop.test?subject=unsubscribe%20"))
                #expect(headers.contains("Feedback-ID: \(campaignID):"))
                #expect(headers.contains("Message-ID: <snd_") && headers.contains("@shop.test>"))
                #expect(headers.contains("multipart/alternative"))
            }
            func decodedParts(_ message: [UInt8]) -> String {
                MIMEParser.parse(message).allParts.filter(\.parts.isEmpty).map { String(decoding: $0.decodedBody, as: UTF8.self) }.joined(separator: "\n")
            }
            let ana = String(decoding: try #require(byRecipient["ana@example.com"]), as: UTF8.self)
            #expect(ana.contains("Subject: Hi Ana, new quills"))
            let anaParts = decodedParts(try #require(byRecipient["ana@example.com"]))
            #expect(anaParts.contains("<strong>ten</strong>") && anaParts.contains("Hello Ana,") && anaParts.contains("?u=https%3A%2F%2Fshop.test%2Fquills\""))
            let nameless = String(decoding: try #require(byRecipient["nameless@example.com"]), as: UTF8.self)
            #expect(nameless.contains("Subject: Hi there, new quills"), "the fallback stands in for a missing name")
            #expect(decodedParts(try #require(byRecipient["budi@example.co.id"])).contains("Halo Budi, ada pena baru."), "the customer's locale picks the version")

            // RFC 8058: the mail client's one-click POST to the https URL withdraws marketing consent.
            let header = try #require(ana.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: ") })
            let url = try #require(header.components(separatedBy: "<").dropFirst().first?.components(separatedBy: ">").first)
            let components = try #require(URLComponents(string: url))
            #expect(components.query?.hasPrefix("send=snd_") == true, "the link says which send it came in: \(url)")
            let path = components.path + "?" + (components.query ?? "")
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let clicked = try await api.client.execute(uri: path, method: .post, headers: form, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(clicked.status == .ok)
            let anaID = try #require(ids["ana@example.com"])
            let consents = try #require(try await api.send(.get, "/api/v1/customers/\(anaID)/consents").object["data"] as? [[String: Any]])
            #expect(consents.first { $0["channel"] as? String == "email" }?["status"] as? String == "withdrawn")
            let counted = try #require(try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["stats"] as? [String: Any])
            #expect(counted["unsubscribed"] as? Int == 1, "the campaign counts the unsubscribe")

            // A bounce mailed back (RFC 3464) quoting the message Budi got marks that send bounced
            // and suppresses the address; one quoting a made-up id changes nothing.
            let budi = String(decoding: try #require(byRecipient["budi@example.co.id"]), as: UTF8.self)
            let messageID = try #require(InboundEmail.ids(budi.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") }).first)
            let fixture = try ChannelFixtures.text("rfc3464-failed-5.1.1", "eml", in: "dsn")
                .replacingOccurrences(of: BounceMailTests.bouncedAddress, with: "budi@example.co.id")
            let madeUp = try await EmailChannelTests.postRaw(api, inboxID: inboxID, fixture, token: "mta-token")
            #expect(madeUp.object["suppressed"] as? Int == 0, "\(madeUp.text)")
            let bounce = fixture.replacingOccurrences(of: BounceMailTests.quotedMessageID, with: messageID)
            let bounced = try await EmailChannelTests.postRaw(api, inboxID: inboxID, bounce, token: "mta-token")
            #expect(bounced.object["suppressed"] as? Int == 1, "\(bounced.text)")
            let after = try #require(try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["stats"] as? [String: Any])
            #expect(after["bounced"] as? Int == 1 && after["sent"] as? Int == 3, "a bounced message was still sent")
        }
    }

    @Test("a mail server that refuses the inbox's account pauses the campaign with the reason, nothing failed; fixed and resumed, it goes out", arguments: TestDatabase.available)
    func pausesOnAccountRefusal(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
            let inbox = try await api.services.inboxes.inbox(id: inboxID, channel: .email)
            let owner = Actor.operator(workspaceID: api.workspaceID)
            func settings(password: String) async throws {
                _ = try await api.services.inboxes.updateInbox(
                    id: inboxID, name: inbox.name,
                    settingChanges: [
                        "smtp_password": password, "dkim_domain": "shop.test", "dkim_selector": "s1",
                        "dkim_private_key": try DKIMKey.generate(.ed25519SHA256).pemRepresentation,
                    ], teamID: nil, slaPolicyID: nil, as: owner)
            }
            try await settings(password: "wrong")
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ana@example.com"}]}"#)
            let customerID = try #require(customer.object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/customers/\(customerID)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form"}"#)
            let list = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name": "All", "kind": "list"}"#).object["id"] as? String)
            _ = try await api.send(.post, "/api/v1/segments/\(list)/members", json: #"{"customer_ids": ["\#(customerID)"]}"#)
            let campaignID = try #require(try await api.send(.post, "/api/v1/campaigns", json: """
                {"name":"Hello","channel":"email","inbox_id":"\(inboxID)","definition":{"audience":{"segment_ids":["\(list)"]},"holdout_share":0,
                 "content":{"en":{"subject":"Hi {{customer.first_name}}","body":"Hello"}}}}
                """).object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/campaigns/\(campaignID)/send").status == .accepted)
            _ = try await api.services.campaignSender.runDue()
            let paused = try await api.send(.get, "/api/v1/campaigns/\(campaignID)")
            #expect(paused.object["status"] as? String == "paused", "\(paused.text)")
            #expect((paused.object["status_reason"] as? String)?.contains("AUTH") == true, "\(paused.text)")
            let stats = try #require(paused.object["stats"] as? [String: Any])
            #expect(stats["failed"] as? Int == 0 && stats["queued"] as? Int == 1, "deferred, not failed")
            #expect(try sink.received().isEmpty)

            try await settings(password: "s3cret")
            let resumed = try await api.send(.post, "/api/v1/campaigns/\(campaignID)/resume")
            #expect(resumed.object["status"] as? String == "sending" && resumed.object["status_reason"] is NSNull)
            api.clock.advance(by: CampaignDispatcher.retryDelay + 1)
            for _ in 0..<3 { _ = try await api.services.campaignSender.runDue() }
            #expect(try sink.received().count == 1, "sent once the account was fixed")
            #expect(try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["status"] as? String == "sent")
        }
    }
}
