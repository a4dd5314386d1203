/// One thing wrong with one field of a request, named by its JSON path (`identities[1].value`).
public struct FieldError: Sendable, Equatable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
