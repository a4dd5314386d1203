/// A key just created: the stored record and the secret, which is shown once and never again.
public struct IssuedAPIKey: Sendable {
    public var key: APIKey
    public var secret: String
}
