/// A document already written as JSON text (a Core document, a stored payload), put into the
/// document being encoded as it is.
public struct DocumentJSON: Encodable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// Outside `JSONDocumentEncoder` the text is read back as a value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try JSONParser.parse(Array(text.utf8)))
    }
}
