/// A single value: a string, a number, a date, a flag or `null`.
struct DocumentValue: SingleValueEncodingContainer {
    let sink: DocumentSink
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        sink.null()
    }

    mutating func encode(_ value: Bool) throws {
        sink.bool(value)
    }

    mutating func encode(_ value: String) throws {
        sink.string(value)
    }

    mutating func encode(_ value: Double) throws {
        sink.number(value)
    }

    mutating func encode(_ value: Float) throws {
        sink.number(Double(value))
    }

    mutating func encode(_ value: Int) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: Int8) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: Int16) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: Int32) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: Int64) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: UInt) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: UInt8) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: UInt16) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: UInt32) throws {
        sink.integer(value)
    }

    mutating func encode(_ value: UInt64) throws {
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.encodeValue(value, codingPath: codingPath)
    }
}
