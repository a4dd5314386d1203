import Foundation
import RapportCore
import Testing

@testable import RapportChannels

/// A customer controls the subject, their display name, the Message-IDs of their mail and the
/// address they write from: none of it may add a header to Rapport's reply or a command to its
/// conversation with the mail server.
@Suite("Security: mail header and SMTP injection")
struct MailInjectionAttackTests {
    static func outbound(subject: String?, contact: String = "ann@example.com", name: String? = "Ann", references: [String] = []) -> OutboundMessage {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let inbox = Inbox(
            id: "inb_1", workspaceID: "wsp_1", channel: .email, name: "Support", settings: ["address": "help@shop.example"],
            teamID: nil, slaPolicyID: nil, createdAt: now)
        let conversation = Conversation(
            id: "cnv_1", workspaceID: "wsp_1", inboxID: "inb_1", customerID: "cus_1", channel: .email, contact: contact,
            subject: subject, lastMessageAt: now, createdAt: now, updatedAt: now)
        let message = Message(
            id: "msg_01ABC", workspaceID: "wsp_1", conversationID: "cnv_1", inboxID: "inb_1", direction: .outgoing, kind: .text,
            author: .agent, authorID: nil, text: "Your parcel is on its way.", createdAt: now, updatedAt: now)
        return OutboundMessage(message: message, inbox: inbox, conversation: conversation, threadReferences: references, customerName: name)
    }

    static func headers(_ composed: String) -> [String] {
        let head = composed.components(separatedBy: "\r\n\r\n")[0]
        return head.components(separatedBy: "\r\n")
    }

    @Test("a subject with a line break adds a Bcc header to the reply")
    func subjectInjection() {
        let composed = EmailSender.compose(
            Self.outbound(subject: "Refund\r\nBcc: everyone@evil.test\nX-Evil: 1"), from: "help@shop.example", displayName: "Shop",
            now: Date())
        let lines = Self.headers(composed.message)
        #expect(!lines.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Evil:") })
        #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
        #expect(lines.contains { $0.hasPrefix("Subject: Re: Refund") })
    }

    @Test("an encoded subject or display name that decodes to a line break adds a header")
    func encodedInjection() {
        let decoded = EncodedWords.decode("=?UTF-8?B?\(Data("Hallo\r\nBcc: x@evil.test".utf8).base64EncodedString())?=")
        #expect(decoded.contains("\r\n"), "the inbound decoder hands the line break on")
        let composed = EmailSender.compose(
            Self.outbound(subject: decoded, name: "Ann\r\nBcc: y@evil.test"), from: "help@shop.example", displayName: "Shop", now: Date())
        let lines = Self.headers(composed.message)
        #expect(!lines.contains { $0.hasPrefix("Bcc:") })
    }

    @Test("a Message-ID from the customer's mail with a line break adds a header to the reply")
    func referenceInjection() {
        let composed = EmailSender.compose(
            Self.outbound(subject: "Hi", references: ["ok-1@mail.example", "x>\r\nBcc: z@evil.test\r\nX: <y"]), from: "help@shop.example",
            displayName: "Shop", now: Date())
        let lines = Self.headers(composed.message)
        #expect(!lines.contains { $0.hasPrefix("Bcc:") })
        #expect(lines.contains("In-Reply-To: <ok-1@mail.example>"))
    }

    @Test("a long subject is folded to lines of at most 78 characters, and reads back the same")
    func folding() {
        let long = String(repeating: "Where is my order ", count: 12) + "— bitte schnell, danke schön! 🚚"
        let composed = EmailSender.compose(Self.outbound(subject: long), from: "help@shop.example", displayName: "Shop", now: Date())
        let lines = Self.headers(composed.message)
        #expect(lines.allSatisfy { $0.count <= 78 }, "\(lines.filter { $0.count > 78 })")
        let subject = lines.drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        let unfolded = subject.joined(separator: "\r\n").replacingOccurrences(of: "\r\n ", with: " ").dropFirst("Subject: ".count)
        #expect(EncodedWords.decode(String(unfolded)) == "Re: " + long)
    }

    @Test("an address with a line break sends an SMTP command of its own")
    func smtpCommandInjection() async {
        let client = SMTPClient(configuration: SMTPConfiguration(settings: ["smtp_host": "127.0.0.1", "smtp_port": "9"]), heloName: "shop.example", targets: .publicOnly)
        for address in ["ann@example.com>\r\nRCPT TO:<spy@evil.test", "ann@example.com\nDATA", "<ann@example.com>", "jürgen@example.com"] {
            await #expect(throws: SMTPError.unsafeAddress(String(address.prefix(80)))) {
                try await client.send(from: "help@shop.example", to: [address], message: "Hi", deadline: .seconds(5))
            }
        }
        await #expect(throws: SMTPError.self) {
            try await client.send(from: "help@shop.example\r\nRSET", to: ["ann@example.com"], message: "Hi", deadline: .seconds(5))
        }
    }
}
