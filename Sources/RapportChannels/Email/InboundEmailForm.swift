import Foundation
import RapportCore

/// The form fields email providers post: SendGrid's Inbound Parse (parsed or raw mode) and
/// Mailgun's routes (parsed, or `body-mime`). Fields come from multipart/form-data or a
/// urlencoded body.
public struct InboundEmailForm: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var data: [UInt8]

        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    public var fields: [Field]

    public init(fields: [Field]) {
        self.fields = fields
    }

    /// Reads a multipart/form-data or application/x-www-form-urlencoded body.
    public static func read(body: [UInt8], contentType: String) -> InboundEmailForm? {
        let type = HeaderParameters.parse(contentType)
        if type.type == "multipart/form-data", let boundary = type.parameters["boundary"] {
            return InboundEmailForm(fields: MIMEParser.parts(of: body, boundary: boundary).compactMap { part in
                let disposition = part.disposition
                guard let name = disposition.parameters["name"] else { return nil }
                return Field(
                    name: name, filename: disposition.parameters["filename"], contentType: part.header("Content-Type"),
                    data: part.decodedBody)
            })
        }
        if type.type == "application/x-www-form-urlencoded" {
            return InboundEmailForm(fields: FormBody.parse(String(decoding: body, as: UTF8.self)).map {
                Field(name: $0.0, data: Array($0.1.utf8))
            })
        }
        return nil
    }

    public subscript(name: String) -> String? {
        fields.first { $0.name == name }.map(\.text)
    }

    /// The whole message, when the provider posts it raw (SendGrid's `email`, Mailgun's
    /// `body-mime`).
    public var rawMessage: [UInt8]? {
        fields.first { $0.name == "email" || $0.name == "body-mime" }?.data
    }

    /// SendGrid Inbound Parse: the raw message in `email`, or the parsed fields.
    public func sendGridMessage() -> InboundMessage? {
        if let raw = fields.first(where: { $0.name == "email" }) { return InboundEmail.message(fromMIME: raw.data) }
        let headers = MIMEParser.parse(Array((self["headers"] ?? "").utf8) + [0x0A, 0x0A])
        return parsed(
            from: self["from"], subject: self["subject"], text: self["text"], html: self["html"], headers: headers,
            messageID: headers.header("Message-ID"))
    }

    /// Mailgun: `body-mime` when the route stores raw MIME, otherwise its parsed fields.
    public func mailgunMessage() -> InboundMessage? {
        if let raw = fields.first(where: { $0.name == "body-mime" }) { return InboundEmail.message(fromMIME: raw.data) }
        var headerLines = ""
        if let json = self["message-headers"], case .array(let pairs)? = try? JSONParser.parse(Array(json.utf8)) {
            for pair in pairs {
                if case .array(let items) = pair, items.count == 2, let name = items[0].scalarText, let value = items[1].scalarText {
                    headerLines += "\(name): \(value)\n"
                }
            }
        }
        let headers = MIMEParser.parse(Array(headerLines.utf8) + [0x0A, 0x0A])
        return parsed(
            from: self["from"] ?? self["sender"], subject: self["subject"], text: self["body-plain"],
            html: self["body-html"], headers: headers, messageID: self["Message-Id"] ?? headers.header("Message-Id"),
            inReplyTo: self["In-Reply-To"], references: self["References"])
    }

    private func parsed(
        from: String?, subject: String?, text: String?, html: String?, headers: MIMEPart, messageID: String?,
        inReplyTo: String? = nil, references: String? = nil
    ) -> InboundMessage? {
        guard let sender = from.flatMap(EmailAddress.parse) else { return nil }
        let files = fields.filter { $0.filename != nil }.map { field in
            Attachment(
                type: (field.contentType ?? "").hasPrefix("image/") ? "image" : "file", mimeType: field.contentType,
                filename: field.filename, size: field.data.count)
        }
        let rawFields = fields.filter { $0.filename == nil }.map { "\($0.name)=\($0.text.prefix(10_000))" }.joined(separator: "\n")
        let body = text ?? html.map(InboundEmail.plainText)
        return InboundMessage(
            providerMessageID: InboundEmail.messageID(messageID, raw: Array(rawFields.utf8)), from: sender.address.lowercased(),
            fromName: sender.name, kind: .text, text: body.map(ReplyText.latest), attachments: files,
            raw: String(rawFields.prefix(256 * 1024)), subject: subject,
            references: InboundEmail.ids(inReplyTo ?? headers.header("In-Reply-To")) + InboundEmail.ids(references ?? headers.header("References")))
    }
}
