import Crypto
import Foundation

/// Provider tokens, shop and webhook signing secrets and SMTP passwords, sealed at rest with
/// AES-GCM under the installation's key, so a copy of the database (a backup, a dump, a stolen
/// disk) holds none of them in the clear. A sealed value reads `enc:v1:<key id>:<base64 of
/// nonce, ciphertext and tag>`; a value stored before sealing existed is read as it is and
/// sealed at its next write (or by `rapport secrets rotate`).
///
/// The key comes from `RAPPORT_SECRET_KEY` (32 bytes in base64) or a key file, created on first
/// start with mode 0600: `RAPPORT_SECRET_KEY_FILE`, else beside the SQLite file
/// (`rapport.sqlite.key`), else `rapport.key` in the working directory. Earlier keys stay
/// readable while named in `RAPPORT_SECRET_KEY_PREVIOUS` or kept in the key file after a
/// rotation, so rotating never locks a secret out.
public struct SecretBox: Sendable {
    static let prefix = "enc:v1:"

    /// The key new values are sealed with (its bytes: keys are rebuilt per use, so the box
    /// can travel between tasks).
    let current: Data
    /// Every key values may be sealed with, by id.
    let keys: [String: Data]

    public init(current: SymmetricKey, previous: [SymmetricKey] = []) {
        self.current = current.withUnsafeBytes { Data($0) }
        var keys: [String: Data] = [:]
        for key in previous + [current] { keys[Self.id(of: key)] = key.withUnsafeBytes { Data($0) } }
        self.keys = keys
    }

    public var currentKeyID: String { Self.id(of: SymmetricKey(data: current)) }

    /// The first eight hex digits of the key's SHA-256: names the key without revealing it.
    static func id(of key: SymmetricKey) -> String {
        key.withUnsafeBytes { bytes in SHA256.hash(data: Data(bytes)).prefix(4).map { String(format: "%02x", $0) }.joined() }
    }

    public func seal(_ plain: String) throws -> String {
        let box = try AES.GCM.seal(Data(plain.utf8), using: SymmetricKey(data: current))
        guard let combined = box.combined else { throw SecretBoxError.unreadable("sealing produced no bytes") }
        return Self.prefix + currentKeyID + ":" + combined.base64EncodedString()
    }

    public func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        let parts = stored.dropFirst(Self.prefix.count).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let key = keys[String(parts[0])] else {
            throw SecretBoxError.unknownKey(parts.first.map(String.init) ?? "")
        }
        guard let data = Data(base64Encoded: String(parts[1])), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: SymmetricKey(data: key))
        else { throw SecretBoxError.unreadable("a sealed secret does not open with key \(parts[0])") }
        return String(decoding: plain, as: UTF8.self)
    }
}

/// A sealed secret that cannot be opened: its key is not configured, or the value is damaged.
public enum SecretBoxError: Error, CustomStringConvertible {
    case unknownKey(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .unknownKey(let id):
            "A secret is sealed with key \(id), which is not configured: set RAPPORT_SECRET_KEY or RAPPORT_SECRET_KEY_PREVIOUS, or restore the key file."
        case .unreadable(let reason): reason
        }
    }
}
