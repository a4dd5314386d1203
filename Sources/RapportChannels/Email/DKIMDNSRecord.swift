import Foundation

/// The TXT record a sending domain publishes at `<selector>._domainkey.<domain>` so that
/// receivers can check its signatures (RFC 6376 §3.6.1): the key type and the public key, for
/// RSA the DER SubjectPublicKeyInfo, for Ed25519 the 32 raw bytes (RFC 8463 §4).
public struct DKIMDNSRecord: Sendable, Equatable {
    /// One DNS character-string holds at most 255 bytes (RFC 1035 §3.3); a longer record is
    /// published as several strings that receivers join without a separator (RFC 6376 §3.6.2.2).
    public static let stringLimit = 255

    /// The algorithm of the key, which `k=` names.
    public let algorithm: DKIMAlgorithm
    /// The public key as `p=` carries it, before base64.
    public let publicKey: [UInt8]

    /// The record for a public key.
    public init(algorithm: DKIMAlgorithm, publicKey: [UInt8]) {
        self.algorithm = algorithm
        self.publicKey = publicKey
    }

    /// The DNS name of the record.
    public static func name(selector: String, domain: String) -> String {
        "\(selector)._domainkey.\(domain)"
    }

    /// The record's value as one text, e.g. `v=DKIM1; k=ed25519; p=11qYAYKx…`.
    public var text: String {
        "v=DKIM1; k=\(algorithm.keyType); p=\(Data(publicKey).base64EncodedString())"
    }

    /// The value cut into strings of at most 255 bytes (it is ASCII, so any cut is between characters).
    public var strings: [String] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: Self.stringLimit).map { start in
            String(decoding: bytes[start..<min(start + Self.stringLimit, bytes.count)], as: UTF8.self)
        }
    }

    /// The value as a zone file or a DNS provider's form takes it: each string quoted, separated
    /// by a space. Nothing in it needs escaping (base64 and fixed tags only).
    public var zoneFileValue: String {
        strings.map { "\"\($0)\"" }.joined(separator: " ")
    }
}
