/// The `Encoder` a `JSONDocumentEncoder` hands each value: its containers write into the sink.
struct DocumentEncoding: Encoder {
    let sink: DocumentSink
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(DocumentObject<Key>(sink: sink, depth: sink.push(.object), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        DocumentArray(sink: sink, depth: sink.push(.array), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        DocumentValue(sink: sink, codingPath: codingPath)
    }
}
