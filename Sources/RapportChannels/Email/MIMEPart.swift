import Foundation

/// One part of an RFC 5322 / MIME message (or the whole message): its headers, its body as
/// sent (still transfer-encoded), and its sub-parts when it is multipart.
public struct MIMEPart: Sendable {
    public var headers: [(name: String, value: String)]
    public var body: ArraySlice<UInt8>
    public var parts: [MIMEPart]

    /// The first header of that name (case-insensitive), unfolded, encoded words decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map { EncodedWords.decode($0.value) }
    }

    /// `text/plain` and its parameters (`charset`, `boundary`, `name`), lowercased type.
    public var contentType: (type: String, parameters: [String: String]) {
        HeaderParameters.parse(header("Content-Type") ?? "text/plain; charset=us-ascii")
    }

    public var disposition: (type: String, parameters: [String: String]) {
        HeaderParameters.parse(header("Content-Disposition") ?? "")
    }

    /// The body with its Content-Transfer-Encoding (base64, quoted-printable) undone.
    public var decodedBody: [UInt8] {
        switch (header("Content-Transfer-Encoding") ?? "7bit").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": TransferEncoding.base64(body)
        case "quoted-printable": TransferEncoding.quotedPrintable(body)
        default: Array(body)
        }
    }

    /// The body as text, in its declared charset.
    public var text: String {
        Charsets.decode(decodedBody, charset: contentType.parameters["charset"])
    }

    /// A file name, from the disposition or the content type.
    public var filename: String? {
        disposition.parameters["filename"] ?? contentType.parameters["name"]
    }

    /// Whether this part is an attachment rather than the message's text.
    public var isAttachment: Bool {
        let type = contentType.type
        if disposition.type == "attachment" { return true }
        if type.hasPrefix("multipart/") { return false }
        return filename != nil || !(type == "text/plain" || type == "text/html")
    }

    /// This part and every part inside it, depth first.
    public var allParts: [MIMEPart] {
        [self] + parts.flatMap(\.allParts)
    }
}
