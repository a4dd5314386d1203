/// A single value: a string, a number, a date, a flag or `null`.
struct DocumentValue: SingleValueEncodingContainer {
    let sink: DocumentSink
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        sink.writer.null()
    }

    mutating func encode(_ value: Bool) throws {
        sink.writer.bool(value)
    }

    mutating func encode(_ value: String) throws {
        sink.writer.string(value)
    }

    mutating func encode(_ value: Double) throws {
        sink.writer.number(value)
    }

    mutating func encode(_ value: Float) throws {
        sink.writer.number(Double(value))
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
