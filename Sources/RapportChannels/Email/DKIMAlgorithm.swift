/// The DKIM signing algorithms Rapport writes into `a=`: RSA with PKCS#1 v1.5 padding (RFC 6376
/// §3.3.1) and Ed25519 (RFC 8463 §3), both over a SHA-256 hash.
public enum DKIMAlgorithm: String, Sendable, CaseIterable, Codable {
    /// RSASSA-PKCS1-v1_5 over SHA-256, `a=rsa-sha256`.
    case rsaSHA256 = "rsa-sha256"
    /// Ed25519 over the SHA-256 of the header data, `a=ed25519-sha256`.
    case ed25519SHA256 = "ed25519-sha256"

    /// The key type the DNS record names in `k=` (RFC 6376 §3.6.1, RFC 8463 §4).
    public var keyType: String {
        switch self {
        case .rsaSHA256: "rsa"
        case .ed25519SHA256: "ed25519"
        }
    }
}
