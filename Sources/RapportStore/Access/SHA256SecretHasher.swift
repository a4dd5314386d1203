import Crypto
import RapportCore

/// Hex SHA-256 of an API key secret, or of a consent text (its reference).
public struct SHA256SecretHasher: SecretHasher {
    public init() {}

    public func hash(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
