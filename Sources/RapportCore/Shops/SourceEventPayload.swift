/// A connected shop: its kind when it was connected, `secret_rotated` when its signing secret
/// changed, only its id when it was disconnected. Never the secret.
public struct SourceEventPayload: EventPayload {
    public static let version = 1

    public let id: String
    @OmittedWhenNil public var kind: SourceKind?
    @OmittedWhenNil public var secretRotated: Bool?

    public init(id: String, kind: SourceKind? = nil, secretRotated: Bool? = nil) {
        self.id = id
        self.kind = kind
        self.secretRotated = secretRotated
    }
}
