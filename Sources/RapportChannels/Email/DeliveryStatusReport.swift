import Foundation
import RapportCore

/// A bounce mailed back to the inbox as RFC 3464 says (`multipart/report;
/// report-type=delivery-status`): per recipient, what the reporting server did (`Action`) and
/// why (`Status`, `Diagnostic-Code`), and the Message-ID of the returned message, read from
/// its copy (`message/rfc822`) or its headers (`text/rfc822-headers`).
public struct DeliveryStatusReport: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        public var address: String
        /// `failed`, `delayed`, `delivered`, `relayed` or `expanded`, lower-cased.
        public var action: String
        /// The enhanced status code (RFC 3463), `5.1.1`.
        public var status: String
        public var diagnostic: String?
    }

    public var recipients: [Recipient]
    public var originalMessageID: String?

    /// The report a received message is, if it is one.
    public static func read(_ root: MIMEPart) -> DeliveryStatusReport? {
        let type = root.contentType
        guard type.type == "multipart/report", type.parameters["report-type"]?.lowercased() == "delivery-status" else { return nil }
        var recipients: [Recipient] = []
        var originalMessageID: String?
        for part in root.parts {
            switch part.contentType.type {
            case "message/delivery-status", "message/global-delivery-status":
                recipients += Self.recipients(in: part.decodedBody)
            case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                let original = MIMEParser.parse(part.decodedBody + [0x0A, 0x0A])
                originalMessageID = InboundEmail.ids(original.header("Message-ID")).first
            default:
                continue
            }
        }
        return DeliveryStatusReport(recipients: recipients, originalMessageID: originalMessageID)
    }

    /// Addresses the reporting server gave up on (`failed`): with a permanent status (`5.x.x`)
    /// a hard bounce; with a temporary one (`4.x.x`: a full mailbox, a server down for the whole
    /// retry period) a soft bounce, which suppresses only when it repeats. A delay (`delayed`)
    /// says nothing yet. Only a `multipart/report` of delivery status gets here: an
    /// out-of-office reply, whatever it says, is never read as a bounce.
    public var feedback: [DeliveryFeedback] {
        recipients.filter { $0.action == "failed" }.compactMap { recipient -> DeliveryFeedback? in
            if recipient.status.hasPrefix("5.") { return DeliveryFeedback(kind: .hardBounce, address: recipient.address) }
            if recipient.status.hasPrefix("4.") { return DeliveryFeedback(kind: .softBounce, address: recipient.address) }
            return nil
        }
    }

    /// The per-recipient groups of a delivery-status body: header-like fields, groups apart by
    /// empty lines, the first group about the message as a whole.
    static func recipients(in body: [UInt8]) -> [Recipient] {
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return text.components(separatedBy: "\n\n").compactMap { group in
            let fields = MIMEParser.parse(Array(group.utf8) + [0x0A, 0x0A])
            guard let recipient = (fields.header("Final-Recipient") ?? fields.header("Original-Recipient")).flatMap(address),
                let action = fields.header("Action")?.lowercased()
            else { return nil }
            let status = fields.header("Status")?.split(separator: " ").first.map(String.init) ?? ""
            return Recipient(address: recipient, action: action, status: status, diagnostic: fields.header("Diagnostic-Code"))
        }
    }

    /// `rfc822; <someone@example.com>` → `someone@example.com`.
    static func address(_ field: String) -> String? {
        let value = field.split(separator: ";", maxSplits: 1).last.map(String.init) ?? field
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t<>"))
        return trimmed.contains("@") && trimmed.count <= 320 ? trimmed.lowercased() : nil
    }
}
