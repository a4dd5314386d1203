/// An array being written.
struct DocumentArray: UnkeyedEncodingContainer {
    let sink: DocumentSink
    let depth: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(sink: DocumentSink, depth: Int, codingPath: [any CodingKey]) {
        self.sink = sink
        self.depth = depth
        self.codingPath = codingPath
    }

    private mutating func next() {
        sink.close(above: depth)
        count += 1
    }

    mutating func encodeNil() throws {
        next()
        sink.null()
    }

    mutating func encode(_ value: Bool) throws {
        next()
        sink.bool(value)
    }

    mutating func encode(_ value: String) throws {
        next()
        sink.string(value)
    }

    mutating func encode(_ value: Double) throws {
        next()
        sink.number(value)
    }

    mutating func encode(_ value: Float) throws {
        next()
        sink.number(Double(value))
    }

    mutating func encode(_ value: Int) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: Int8) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: Int16) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: Int32) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: Int64) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: UInt) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: UInt8) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: UInt16) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: UInt32) throws {
        next()
        sink.integer(value)
    }

    mutating func encode(_ value: UInt64) throws {
        next()
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try sink.encodeValue(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return KeyedEncodingContainer(DocumentObject<NestedKey>(sink: sink, depth: sink.push(.object), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return DocumentArray(sink: sink, depth: sink.push(.array), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return DocumentEncoding(sink: sink, base: sink.open.count, codingPath: codingPath)
    }
}
