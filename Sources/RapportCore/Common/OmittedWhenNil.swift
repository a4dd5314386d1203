/// A document key that is left out when its value is nil, instead of written as `null` (a
/// secret shown only once, the parts only a fuller view has).
@propertyWrapper
public struct OmittedWhenNil<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Wrapped?

    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    /// Without a value it writes nothing, and `JSONDocumentEncoder` leaves the key out
    /// (another encoder gets `null`).
    public func encode(to encoder: any Encoder) throws {
        if wrappedValue == nil && encoder is DocumentEncoding { return }
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
