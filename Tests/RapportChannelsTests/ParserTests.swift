import Foundation
import RapportChannels
import RapportCore
import Testing

/// The channel adapters read providers' payloads without a server or a database.
@Suite("Channel parsers")
struct ParserTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test("a WhatsApp text, an image with its caption, a reaction, an unknown type and a delivery status")
    func whatsApp() throws {
        let root = try Self.json(#"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"phone_number_id":"123"},
              "contacts":[{"wa_id":"4915111111111","profile":{"name":"Ada"}}],
              "messages":[
                {"from":"4915111111111","id":"wamid.A","timestamp":"1700000000","type":"text","text":{"body":"Where is order 1001?"}},
                {"from":"4915111111111","id":"wamid.B","timestamp":"1700000001","type":"image","image":{"id":"m1","mime_type":"image/jpeg","caption":"broken"}},
                {"from":"4915111111111","id":"wamid.C","timestamp":"1700000002","type":"reaction","reaction":{"emoji":"👍","message_id":"wamid.X"}},
                {"from":"4915111111111","id":"wamid.D","timestamp":"1700000003","type":"order","order":{}}
              ],
              "statuses":[{"id":"wamid.OUT","status":"delivered","timestamp":"1700000004","recipient_id":"4915111111111"}]
            }}]}]}
            """#)
        let payload = WhatsAppWebhook.payload(root)
        #expect(payload.messages.map(\.providerMessageID) == ["wamid.A", "wamid.B", "wamid.C", "wamid.D"])
        #expect(payload.messages.map(\.kind) == [.text, .image, .reaction, .unsupported])
        #expect(payload.messages[0].text == "Where is order 1001?")
        #expect(payload.messages[0].fromName == "Ada")
        #expect(payload.messages[0].occurredAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(payload.messages[1].attachments.first?.providerMediaID == "m1")
        #expect(payload.messages[1].text == "broken")
        #expect(payload.messages[2].text == "👍")
        #expect(payload.messages[3].raw?.contains("\"order\"") == true, "an unknown type keeps its raw JSON")
        #expect(payload.deliveries.map(\.providerMessageID) == ["wamid.OUT"])
        #expect(payload.deliveries.first?.status == .delivered)
    }

    @Test("a WhatsApp payload with nothing Rapport reads gives nothing, without failing")
    func whatsAppEmpty() throws {
        let payload = WhatsAppWebhook.payload(try Self.json(#"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{}}]}]}"#))
        #expect(payload.messages.isEmpty && payload.deliveries.isEmpty)
    }

    @Test("a raw e-mail: sender, subject in encoded words, the text part of a multipart body, and its thread references")
    func email() throws {
        let mime = [
            "From: =?UTF-8?Q?J=C3=BCrgen?= <juergen@customer.test>",
            "To: help@shop.test",
            "Subject: =?UTF-8?B?R3LDvMOfZQ==?=",
            "Message-ID: <c1@customer.test>",
            "In-Reply-To: <r1@shop.test>",
            "References: <r0@shop.test> <r1@shop.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Die Tasse kam kaputt an. Bestellung 1001.",
            "--b1",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Die Tasse kam kaputt an.</p>",
            "--b1--",
            "",
        ].joined(separator: "\r\n")
        let message = try #require(InboundEmail.message(fromMIME: Array(mime.utf8)))
        #expect(message.from == "juergen@customer.test")
        #expect(message.fromName == "Jürgen")
        #expect(message.subject == "Grüße")
        #expect(message.providerMessageID == "c1@customer.test")
        #expect(message.references.contains("r1@shop.test"))
        #expect(message.text?.hasPrefix("Die Tasse kam kaputt an.") == true)
    }
}
