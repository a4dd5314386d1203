/// A document key that is left out when its value is nil, instead of written as `null` (a
/// secret shown only once, the parts only a fuller view has).
@propertyWrapper
public struct OmittedWhenNil<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Wrapped?

    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    /// Without a value it writes nothing, and `JSONDocumentEncoder` leaves its key out; in an
    /// array, or with another encoder, it is `null`.
    public func encode(to encoder: any Encoder) throws {
        if wrappedValue == nil, let document = encoder as? DocumentEncoding, document.sink.hasPendingKey { return }
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
