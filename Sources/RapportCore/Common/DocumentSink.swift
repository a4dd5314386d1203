import Foundation

/// The state of one `JSONDocumentEncoder` run: the text so far, the containers open in it, and
/// the key of the value about to be written. A key is written only once its value writes
/// something, so a value that writes nothing (`@OmittedWhenNil` without a value) leaves its
/// key out.
final class DocumentSink {
    enum Open: Equatable {
        case object
        case array
    }

    private(set) var writer: JSONWriter
    private(set) var open: [Open] = []
    private var pendingKey: String?

    init(writer: JSONWriter) {
        self.writer = writer
    }

    /// Encodes one value, closing whatever containers its `encode(to:)` opened.
    func encodeValue<Value: Encodable>(_ value: Value, codingPath: [any CodingKey] = []) throws {
        // Metadata comparisons, not casts: this runs for every value of every document.
        if Value.self == Date.self, let date = value as? Date { return timestamp(date) }
        if Value.self == JSONValue.self, let document = value as? JSONValue { return json(document) }
        if Value.self == DocumentJSON.self, let document = value as? DocumentJSON { return raw(document.text) }
        let depth = open.count
        try value.encode(to: DocumentEncoding(sink: self, base: depth, codingPath: codingPath))
        close(above: depth)
        pendingKey = nil
    }

    /// Opens an object or array; returns its place, which its container writes at.
    func push(_ container: Open) -> Int {
        flushKey()
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

    /// Whether the container just past `depth` is open and of this kind (and the last one open).
    func isOpen(_ kind: Open, at depth: Int) -> Bool {
        open.count == depth + 1 && open[depth] == kind
    }

    /// A key is waiting for its value (the value is an object's member, not an array element).
    var hasPendingKey: Bool { pendingKey != nil }

    /// Names the next value in the object at `depth`, in snake_case.
    func key(_ key: any CodingKey, at depth: Int) {
        close(above: depth)
        pendingKey = JSONDocumentEncoder.snakeCase(key.stringValue)
    }

    private func flushKey() {
        if let key = pendingKey {
            writer.key(key)
            pendingKey = nil
        }
    }

    func null() { flushKey(); writer.null() }
    func bool(_ value: Bool) { flushKey(); writer.bool(value) }
    func string(_ value: String) { flushKey(); writer.string(value) }
    func number(_ value: Double) { flushKey(); writer.number(value) }
    func timestamp(_ value: Date) { flushKey(); writer.timestamp(value) }
    func json(_ value: JSONValue) { flushKey(); writer.value(value) }
    func raw(_ text: String) { flushKey(); writer.raw(text) }

    func integer(_ value: some BinaryInteger) {
        flushKey()
        if let exact = Int64(exactly: value) { writer.integer(exact) } else { writer.raw(String(value)) }
    }
}
