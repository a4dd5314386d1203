import Crypto
import Foundation
import RapportCore

/// What a suppression keeps of an address: HMAC-SHA256 under a key derived from the
/// installation's secret, so a copy of the database does not give the numbers back by trying
/// every phone number. Digests under keys kept from before a rotation still match.
struct SuppressionDigest: Sendable {
    private let current: Data
    private let all: [Data]

    static let info = Data("rapport suppression digests v1".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    init(box: SecretBox) {
        (current, all) = box.derivedKeys(info: Self.info)
    }

    private static func digest(_ text: String, key: Data) -> String {
        var text = text
        let code = text.withUTF8 { HMAC<SHA256>.authenticationCode(for: UnsafeRawBufferPointer($0), using: SymmetricKey(data: key)) }
        // Hex by table: `String(format:)` per byte cost more than the HMAC itself.
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in code {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 15)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func text(_ address: String, _ channel: ConsentChannel, _ workspaceID: String) -> String {
        workspaceID + ":" + channel.rawValue + ":" + Suppression.comparable(address, on: channel)
    }

    /// The digest new suppressions are stored under.
    func current(_ address: String, _ channel: ConsentChannel, _ workspaceID: String) -> String {
        Self.digest(Self.text(address, channel, workspaceID), key: current)
    }

    /// Every digest the address may be stored under.
    func every(_ address: String, _ channel: ConsentChannel, _ workspaceID: String) -> [String] {
        let text = Self.text(address, channel, workspaceID)
        return all.map { Self.digest(text, key: $0) }
    }
}
