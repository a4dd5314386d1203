/// Hashes API key secrets for storage and lookup. Keys carry 190 random bits, so a fast
/// cryptographic hash (SHA-256) is the right tool; passwords use bcrypt elsewhere.
public protocol SecretHasher: Sendable {
    func hash(_ secret: String) -> String
}
