/// An object being written: each key in snake_case, in the order the type encodes them; `nil`
/// is `null`.
struct DocumentObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: DocumentSink
    let depth: Int
    let codingPath: [any CodingKey]

    private func key(_ key: Key) {
        sink.key(key, at: depth)
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        sink.null()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.key(key)
        sink.bool(value)
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        sink.string(value)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.key(key)
        sink.number(value)
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        self.key(key)
        sink.number(Double(value))
    }

    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }

    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        // The path stays the object's: building a longer one for every value cost more than
        // the writing, and this encoder raises no errors of its own to report it in.
        try sink.encodeValue(value, codingPath: codingPath)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return KeyedEncodingContainer(DocumentObject<NestedKey>(sink: sink, depth: sink.push(.object), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return DocumentArray(sink: sink, depth: sink.push(.array), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        sink.key(DocumentKey.superKey, at: depth)
        return DocumentEncoding(sink: sink, base: sink.open.count, codingPath: codingPath + [DocumentKey.superKey])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return DocumentEncoding(sink: sink, base: sink.open.count, codingPath: codingPath + [key])
    }
}
