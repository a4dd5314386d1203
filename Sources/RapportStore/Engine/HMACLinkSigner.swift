import Crypto
import Foundation
import RapportCore

/// Signs customers' links with HMAC-SHA256 under a key derived (HKDF) from the installation's
/// secret key, so the one secret an operator keeps covers these too. A link signed before the
/// key was rotated stays valid while the old key is kept.
public struct HMACLinkSigner: LinkSigner {
    /// Key bytes (keys are rebuilt per use, as `SecretBox` does, so the signer is `Sendable`).
    private let current: Data
    private let all: [Data]

    static let info = Data("rapport customer links v1".utf8)

    public init(box: SecretBox) {
        (current, all) = box.derivedKeys(info: Self.info)
    }

    public func signature(of text: String) -> String {
        Self.signature(of: text, key: current)
    }

    private static func signature(of text: String, key: Data) -> String {
        base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key))))
    }

    public func isValid(_ signature: String, of text: String) -> Bool {
        guard let given = Self.data(base64URL: signature) else { return false }
        return all.contains { key in
            HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(text.utf8), using: SymmetricKey(data: key))
        }
    }

    /// At least 16 characters (96 bits) of a signature, compared whole under each kept key.
    public func isValid(prefix: String, of text: String) -> Bool {
        guard prefix.utf8.count >= 16 else { return false }
        let given = Array(prefix.utf8)
        return all.contains { key in
            let full = Array(Self.signature(of: text, key: key).utf8)
            guard full.count >= given.count else { return false }
            // Every byte compared, whatever differs first.
            return zip(given, full).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    /// Base64 with the URL alphabet (RFC 4648 §5) and no padding, in one pass over the bytes:
    /// Foundation's `replacingOccurrences`, three times, cost more than the HMAC.
    static func base64URL(_ data: Data) -> String {
        var bytes = data.base64EncodedData()
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "+"): bytes[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): bytes[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func data(base64URL text: String) -> Data? {
        guard text.utf8.count <= 64 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
