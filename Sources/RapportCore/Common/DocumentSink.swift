import Foundation

/// The state of one `JSONDocumentEncoder` run: the text so far and the containers open in it.
final class DocumentSink {
    enum Open {
        case object
        case array
    }

    var writer: JSONWriter
    private(set) var open: [Open] = []

    init(writer: JSONWriter) {
        self.writer = writer
    }

    /// Encodes one value, closing whatever containers its `encode(to:)` opened.
    func encodeValue(_ value: some Encodable, codingPath: [any CodingKey] = []) throws {
        if let date = value as? Date { return writer.timestamp(date) }
        if let json = value as? JSONValue { return writer.value(json) }
        if let document = value as? DocumentJSON { return writer.raw(document.text) }
        let depth = open.count
        try value.encode(to: DocumentEncoding(sink: self, codingPath: codingPath))
        close(above: depth)
    }

    /// Opens an object or array; returns its place, which its container writes at.
    func push(_ container: Open) -> Int {
        switch container {
        case .object: writer.beginObject()
        case .array: writer.beginArray()
        }
        open.append(container)
        return open.count
    }

    /// Closes the containers opened inside the one at `depth` (a nested container its owner
    /// has moved on from).
    func close(above depth: Int) {
        while open.count > depth {
            switch open.removeLast() {
            case .object: writer.endObject()
            case .array: writer.endArray()
            }
        }
    }

    /// Writes `key` in the object at `depth`, in snake_case.
    func key(_ key: any CodingKey, at depth: Int) {
        close(above: depth)
        writer.key(JSONDocumentEncoder.snakeCase(key.stringValue))
    }

    func integer(_ value: some BinaryInteger) {
        if let exact = Int64(exactly: value) { writer.integer(exact) } else { writer.raw(String(value)) }
    }
}
