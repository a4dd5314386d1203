/// The `Encoder` a `JSONDocumentEncoder` hands each value: its containers write into the sink.
/// A value that asks for its container twice (a type that flattens its base type into the same
/// object) gets the one already open.
struct DocumentEncoding: Encoder {
    let sink: DocumentSink
    /// How many containers were open when the value started: the value's own is the next.
    let base: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let depth = sink.isOpen(.object, at: base) ? base + 1 : sink.push(.object)
        return KeyedEncodingContainer(DocumentObject<Key>(sink: sink, depth: depth, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let depth = sink.isOpen(.array, at: base) ? base + 1 : sink.push(.array)
        return DocumentArray(sink: sink, depth: depth, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        DocumentValue(sink: sink, codingPath: codingPath)
    }
}
