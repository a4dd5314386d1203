import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Email channel")
struct EmailChannelTests {
    static let customerMail = """
        From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen@Customer.test>\r
        To: Support <support@shop.test>\r
        Subject: Broken mug\r
        Message-ID: <c1@customer.test>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="outer"\r
        \r
        --outer\r
        Content-Type: text/plain; charset=iso-8859-1\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        Gr=FC=DFe, the mug arrived in pieces. Order 1001.=\r
         Can you help?\r
        --outer\r
        Content-Type: image/png\r
        Content-Disposition: attachment; filename="mug.png"\r
        Content-Transfer-Encoding: base64\r
        \r
        iVBORw0KGgo=\r
        --outer--\r

        """

    static func inbox(_ api: APIHarness, sink: SMTPSink) async throws -> String {
        let created = try await api.send(.post, "/api/v1/inboxes", json: """
            {"channel":"email","name":"Support","settings":{"address":"support@shop.test","display_name":"Shop Support",
             "smtp_host":"127.0.0.1","smtp_port":"\(sink.port)","smtp_security":"starttls","smtp_username":"rapport",
             "smtp_password":"s3cret","smtp_ca_file":"\(sink.certificate)","smtp_timeout_seconds":"30","inbound_token":"mta-token",
             "sendgrid_basic_auth":"sg:pw","mailgun_signing_key":"key-test"}}
            """)
        #expect(created.status == .created)
        return try #require(created.object["id"] as? String)
    }

    static func postRaw(_ api: APIHarness, inboxID: String, _ mail: String, token: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "message/rfc822"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await api.client.execute(uri: "/webhooks/email/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: mail))
    }

    @Test("raw MIME comes in with the inbox token; the reply goes out over SMTP with STARTTLS and AUTH, threaded; the customer's answer rejoins the conversation", arguments: TestDatabase.available)
    func threadOverSMTP(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, sink: sink)
            #expect(try await Self.postRaw(api, inboxID: inboxID, Self.customerMail, token: nil).status == .unauthorized)
            #expect(try await Self.postRaw(api, inboxID: inboxID, Self.customerMail, token: "guess").status == .unauthorized)
            let stored = try await Self.postRaw(api, inboxID: inboxID, Self.customerMail, token: "mta-token")
            #expect(stored.object["stored"] as? Int == 1)
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            #expect(conversation["contact"] as? String == "juergen@customer.test")
            #expect(conversation["subject"] as? String == "Broken mug")
            let conversationID = try #require(conversation["id"] as? String)
            let first = try #require((try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])?.first)
            #expect(first["text"] as? String == "Grüße, the mug arrived in pieces. Order 1001. Can you help?")
            let file = try #require((first["attachments"] as? [[String: Any]])?.first)
            #expect(file["filename"] as? String == "mug.png")
            #expect(file["size"] as? Int == 8)
            let customer = try await api.send(.get, "/api/v1/customers/\(conversation["customer_id"] as? String ?? "")").object
            #expect(customer["first_name"] as? String == "Jürgen")

            let reply = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Sorry, Jürgen! A new mug is on its way.\n.\nBest, the shop"}"#)
            #expect(reply.status == .created)
            try await api.runJobs()
            let received = try sink.received()
            #expect(received.count == 1)
            let (raw, envelope) = try #require(received.first)
            #expect(envelope["tls"] as? Bool == true)
            #expect(envelope["auth"] as? Bool == true)
            #expect(envelope["from"] as? String == "support@shop.test")
            #expect(envelope["to"] as? [String] == ["juergen@customer.test"])
            let sent = MIMEParser.parse(raw)
            #expect(sent.header("Subject") == "Re: Broken mug")
            #expect(sent.header("In-Reply-To") == "<c1@customer.test>")
            #expect(sent.header("References") == "<c1@customer.test>")
            #expect(sent.header("From") == "\"Shop Support\" <support@shop.test>")
            #expect(sent.text == "Sorry, Jürgen! A new mug is on its way.\n.\nBest, the shop")
            let messageID = try #require(InboundEmail.ids(sent.header("Message-ID")).first)
            let after = try #require((try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])?.last)
            #expect(after["provider_message_id"] as? String == messageID)
            #expect(after["delivery_status"] as? String == "sent")

            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve")
            let answer = """
                From: Juergen@Customer.test\r
                To: support@shop.test\r
                Subject: Re: Broken mug\r
                Message-ID: <c2@customer.test>\r
                In-Reply-To: <\(messageID)>\r
                References: <c1@customer.test> <\(messageID)>\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Thank you, it arrived!\r
                \r
                On Tue, Support wrote:\r
                > Sorry, Jürgen!\r

                """
            #expect(try await Self.postRaw(api, inboxID: inboxID, answer, token: "mta-token").object["stored"] as? Int == 1)
            let all = try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
            #expect(all.count == 1)
            #expect(all.first?["status"] as? String == "open")
            let last = try #require((try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])?.last)
            #expect(last["text"] as? String == "Thank you, it arrived!")
        }
    }

    @Test("SendGrid Inbound Parse needs the inbox's Basic credentials; Mailgun its signature; both are read, attachments included", arguments: TestDatabase.available)
    func providers(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, sink: sink)
            for (file, auth, expected) in [("default_data", "sg:pw", 1), ("default_data", "sg:wrong", 0), ("raw_data_with_attachments", "sg:pw", 1)] {
                var headers = HTTPFields()
                headers[.contentType] = "multipart/form-data; boundary=xYzZY"
                headers[.authorization] = "Basic " + Data(auth.utf8).base64EncodedString()
                let body = try ChannelFixtures.text(file, "txt", in: "sendgrid")
                let response = try await api.client.execute(uri: "/webhooks/email/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == (expected == 1 ? .ok : .unauthorized))
            }
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            #expect(conversation["contact"] as? String == "test@example.com")
            let messages = try #require(try await api.send(.get, "/api/v1/conversations/\(conversation["id"] as? String ?? "")/messages").object["data"] as? [[String: Any]])
            #expect(messages.count == 2)
            #expect(messages.first?["text"] as? String == "Hello Twilio SendGrid!")
            let attachment = try #require((messages.last?["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["filename"] as? String == "SendGrid.jpg")
            #expect(attachment["mime_type"] as? String == "image/jpeg")
            #expect((attachment["size"] as? Int ?? 0) > 1000)

            let token = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn"
            let now = String(Int(api.clock.now().timeIntervalSince1970))
            func signed(_ timestamp: String, _ token: String) -> String {
                WebhookSignature.hexHMACSHA256(Data((timestamp + token).utf8), secret: "key-test")
            }
            func mailgun(_ signature: String, timestamp: String, token: String = token) async throws -> TestResponse {
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                let form = FormBody.encode([
                    ("timestamp", timestamp), ("token", token), ("signature", signature),
                    ("from", "Grace Hopper <grace@navy.test>"), ("subject", "Invoice"), ("body-plain", "Please send the invoice."),
                    ("Message-Id", "<mg1@navy.test>"),
                ])
                return try await api.client.execute(uri: "/webhooks/email/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: form))
            }
            #expect(try await mailgun(String(repeating: "0", count: 64), timestamp: now).status == .unauthorized)
            // Mailgun's documented example (timestamp 1700000000) checks out, but is far too old to accept now.
            #expect(signed("1700000000", token) == "93f914f02443fad634158c3d7bd4c38a0824eb28fadbb2a7853a33cbd405f1ac")
            #expect(try await mailgun(signed("1700000000", token), timestamp: "1700000000").status == .unauthorized)
            let accepted = try await mailgun(signed(now, token), timestamp: now)
            #expect(accepted.object["stored"] as? Int == 1)
            #expect(try await mailgun(signed(now, token), timestamp: now).status == .unauthorized, "a replay of the same post")
            let grace = try #require(try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])
            #expect(grace.contains { $0["contact"] as? String == "grace@navy.test" && $0["subject"] as? String == "Invoice" })
        }
    }
}
