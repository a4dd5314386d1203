/// A document key that is left out when its value is nil, instead of written as `null` (a
/// secret shown only once, the parts only a fuller view has).
@propertyWrapper
public struct OmittedWhenNil<Wrapped: Encodable & Sendable>: Encodable, Sendable, OmittableDocumentValue {
    public var wrappedValue: Wrapped?

    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    var isOmitted: Bool { wrappedValue == nil }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
