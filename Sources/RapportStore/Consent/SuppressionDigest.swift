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

    init(box: SecretBox) {
        (current, all) = box.derivedKeys(info: Self.info)
    }

    private static func digest(_ text: String, key: Data) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
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
        all.map { Self.digest(Self.text(address, channel, workspaceID), key: $0) }
    }
}
