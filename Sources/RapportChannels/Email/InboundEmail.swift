import Crypto
import Foundation
import RapportCore

/// Turns a received email into an inbound message: the sender, the subject, the text the
/// customer wrote (quoted history cut off), attachments' metadata, and the Message-IDs it
/// answers, which is how a reply finds its conversation.
public enum InboundEmail {
    public static func message(fromMIME bytes: [UInt8]) -> InboundMessage? {
        message(from: MIMEParser.parse(bytes), raw: bytes)
    }

    public static func message(from root: MIMEPart, raw: [UInt8]) -> InboundMessage? {
        guard let sender = root.header("From").flatMap(EmailAddress.parse) else { return nil }
        let parts = root.allParts.filter { $0.parts.isEmpty }
        let plain = parts.first { !$0.isAttachment && $0.contentType.type == "text/plain" }?.text
        let html = parts.first { !$0.isAttachment && $0.contentType.type == "text/html" }?.text
        let attachments = parts.filter(\.isAttachment).map { part in
            let type = part.contentType.type
            return Attachment(
                type: type.hasPrefix("image/") ? "image" : "file", mimeType: type, filename: part.filename,
                size: part.decodedBody.count)
        }
        return InboundMessage(
            providerMessageID: messageID(root.header("Message-ID"), raw: raw), from: sender.address.lowercased(),
            fromName: sender.name, kind: .text,
            text: (plain ?? html.map(plainText)).map(ReplyText.latest), attachments: attachments,
            raw: String(decoding: raw.prefix(256 * 1024), as: UTF8.self),
            subject: root.header("Subject"),
            references: ids(root.header("In-Reply-To")) + ids(root.header("References")))
    }

    /// `<id@host>` without its brackets; a message without one gets an id made from its
    /// bytes, so the same message delivered twice is still recognised.
    static func messageID(_ header: String?, raw: [UInt8]) -> String {
        if let first = ids(header).first { return first }
        return SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined() + "@rapport.invalid"
    }

    /// The ids in an In-Reply-To or References header.
    public static func ids(_ header: String?) -> [String] {
        guard let header else { return [] }
        var result: [String] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if result.isEmpty {
            result = header.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.contains("@") }
        }
        return result
    }

    /// HTML reduced to its text: tags dropped, common entities and line breaks kept.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<br>", with: "\n", options: .caseInsensitive)
            .replacingOccurrences(of: "</p>", with: "\n", options: .caseInsensitive)
        while let open = text.range(of: "<"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
