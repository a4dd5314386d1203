/// An event's properties, parsed the first time a filter asks (most events a journey hears
/// have no filter to check). Used within one transaction's task only.
final class JourneyEventProperties: @unchecked Sendable {
    private let read: @Sendable () -> JSONValue
    private var parsed: JSONValue?

    init(_ read: @escaping @Sendable () -> JSONValue) { self.read = read }

    var value: JSONValue {
        if let parsed { return parsed }
        let value = read()
        parsed = value
        return value
    }
}
