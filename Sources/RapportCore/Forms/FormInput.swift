/// A form as the API or the builder sends it, whole.
public struct FormInput: Sendable, Equatable {
    public var name: String
    public var kind: FormKind
    public var status: FormStatus
    public var definition: FormDefinition

    public init(name: String, kind: FormKind, status: FormStatus = .draft, definition: FormDefinition) {
        self.name = name
        self.kind = kind
        self.status = status
        self.definition = definition
    }
}
