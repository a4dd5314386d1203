import Crypto
import Foundation
import _CryptoExtras

/// A DKIM private key, parsed once and then used for every message it signs: RSA (2048 bits or
/// more; RFC 8301 §3.2 wants at least 1024 and Rapport never makes or takes less than 2048) or
/// Ed25519 (RFC 8463).
///
/// `@unchecked Sendable`: both keys are immutable values, but swift-crypto 3.12 does not declare
/// `Curve25519.Signing.PrivateKey` Sendable (its RSA key is).
public struct DKIMKey: @unchecked Sendable {
    private enum Material {
        /// swift-crypto's key reads, writes and describes it; OpenSSL's signs where it is linked
        /// (Linux, ADR 0012), swift-crypto's otherwise.
        case rsa(_RSA.Signing.PrivateKey, OpenSSLRSAKey?)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    /// The DER of a PKCS#8 Ed25519 private key up to its 32-byte seed (RFC 8410 §7: version 0,
    /// algorithm id-Ed25519 = 1.3.101.112, the seed as an OCTET STRING inside the OCTET STRING).
    private static let ed25519PKCS8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    /// The same from the algorithm identifier on, which follows the version whatever the
    /// outer length and version (RFC 5958 v2 keys append the public key after the seed).
    private static let ed25519AlgorithmAndSeedHeader = Array(ed25519PKCS8Prefix[5...])

    private let material: Material

    private init(_ material: Material) {
        self.material = material
    }

    /// A fresh key: RSA 2048 bits or Ed25519.
    public static func generate(_ algorithm: DKIMAlgorithm) throws -> DKIMKey {
        switch algorithm {
        case .rsaSHA256:
            do {
                let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
                return DKIMKey(.rsa(key, OpenSSLRSAKey(der: Array(key.derRepresentation))))
            } catch {
                throw DKIMError.unreadableKey("an RSA key could not be generated (\(error))")
            }
        case .ed25519SHA256:
            return DKIMKey(.ed25519(Curve25519.Signing.PrivateKey()))
        }
    }

    /// A key from PEM: RSA as PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`), what
    /// `openssl genrsa` and `openssl genpkey` write; Ed25519 as PKCS#8 (`openssl genpkey
    /// -algorithm ed25519`).
    public init(pemRepresentation pem: String) throws {
        let (label, der) = try DKIMKeyPEM.decode(pem)
        switch label {
        case "PRIVATE KEY":
            if let seed = Self.ed25519Seed(inPKCS8: der) {
                let key = try Self.ed25519Key(seed: seed)
                self.init(.ed25519(key))
            } else {
                let key = try Self.rsaKey(der: der)
                self.init(.rsa(key, OpenSSLRSAKey(der: Array(key.derRepresentation))))
            }
        case "RSA PRIVATE KEY":
            let key = try Self.rsaKey(der: der)
            self.init(.rsa(key, OpenSSLRSAKey(der: Array(key.derRepresentation))))
        default:
            throw DKIMError.unreadableKey("a PEM block labelled \(label.debugDescription) is no private key; give a PRIVATE KEY or RSA PRIVATE KEY block")
        }
    }

    /// An Ed25519 key from its 32-byte seed in base64, the form dkimpy's `dknewkey` writes.
    public init(ed25519Seed base64: String) throws {
        guard let seed = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw DKIMError.unreadableKey("the Ed25519 seed is not base64")
        }
        let key = try Self.ed25519Key(seed: Array(seed))
        self.init(.ed25519(key))
    }

    /// The algorithm this key signs with, which the signature's `a=` names.
    public var algorithm: DKIMAlgorithm {
        switch material {
        case .rsa: .rsaSHA256
        case .ed25519: .ed25519SHA256
        }
    }

    /// The key as PKCS#8 PEM (`PRIVATE KEY`), which `init(pemRepresentation:)` reads back, as
    /// does OpenSSL.
    public var pemRepresentation: String {
        switch material {
        case .rsa(let key, _): key.pkcs8PEMRepresentation
        case .ed25519(let key): DKIMKeyPEM.encode(label: "PRIVATE KEY", der: Self.ed25519PKCS8Prefix + Array(key.rawRepresentation))
        }
    }

    /// The record to publish for this key.
    public var dnsRecord: DKIMDNSRecord {
        switch material {
        case .rsa(let key, _): DKIMDNSRecord(algorithm: .rsaSHA256, publicKey: Array(key.publicKey.derRepresentation))
        case .ed25519(let key): DKIMDNSRecord(algorithm: .ed25519SHA256, publicKey: Array(key.publicKey.rawRepresentation))
        }
    }

    /// The signature over the SHA-256 hash of the canonical header data: RSASSA-PKCS1-v1_5 for
    /// RSA (RFC 6376 §3.3.1), PureEdDSA over the 32 hash bytes for Ed25519 (RFC 8463 §3).
    func signature(for digest: SHA256.Digest) throws -> [UInt8] {
        do {
            switch material {
            case .rsa(let key, let signing?):
                guard let signature = signing.signature(ofSHA256: Array(digest)) else {
                    return Array(try key.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation)
                }
                return signature
            case .rsa(let key, nil):
                return Array(try key.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation)
            case .ed25519(let key):
                let signature = try key.signature(for: Array(digest))
                return Array(signature)
            }
        } catch {
            throw DKIMError.signingFailed("\(error)")
        }
    }

    /// An RSA key of 2048 bits or more. swift-crypto refuses a smaller one as it refuses bytes
    /// that are no key at all; reading it again with the initializer that takes 1024 bits tells
    /// the two apart, so the error says which it is.
    private static func rsaKey(der: [UInt8]) throws -> _RSA.Signing.PrivateKey {
        do {
            return try _RSA.Signing.PrivateKey(derRepresentation: der)
        } catch {
            if let small = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: der), small.keySizeInBits < 2048 {
                throw DKIMError.keyTooSmall(bits: small.keySizeInBits)
            }
            throw DKIMError.unreadableKey("it is no RSA private key of 2048 bits or more (\(error))")
        }
    }

    private static func ed25519Key(seed: [UInt8]) throws -> Curve25519.Signing.PrivateKey {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw DKIMError.unreadableKey("an Ed25519 private key is 32 bytes, this one has \(seed.count)")
        }
        return key
    }

    /// The seed of a PKCS#8 Ed25519 key: a SEQUENCE of short length, INTEGER version 0 or 1,
    /// then the algorithm and the seed; nil for any other key.
    private static func ed25519Seed(inPKCS8 der: [UInt8]) -> [UInt8]? {
        let header = ed25519AlgorithmAndSeedHeader
        guard der.count >= 5 + header.count + 32, der[0] == 0x30, der[1] < 0x80, Int(der[1]) == der.count - 2,
              der[2] == 0x02, der[3] == 0x01, der[4] <= 0x01,
              der[5..<(5 + header.count)].elementsEqual(header)
        else { return nil }
        let seedStart = 5 + header.count
        return Array(der[seedStart..<(seedStart + 32)])
    }
}
