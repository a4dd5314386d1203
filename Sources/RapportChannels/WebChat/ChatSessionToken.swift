import Foundation
import RapportCore

/// A web-chat session: who writes (a visitor Rapport named, or a shop user the shop signed)
/// in which inbox, until when — signed with the inbox's identity secret, so Rapport keeps no
/// session state. Written `rct1.<expiry>.<contact>.<signature>`: the expiry in Unix seconds,
/// the contact address in base64url, the hex HMAC-SHA256 of all three and the inbox id. It
/// travels in the `Authorization` header, never in a URL (which logs and referrers keep).
public struct ChatSessionToken: Sendable, Equatable {
    public var inboxID: String
    public var contact: ChatContact
    public var expiresAt: Date

    /// How long a token is good for.
    public static let lifetime: TimeInterval = 12 * 3600
    /// How long after expiry a visitor's token may still be traded for a new one (the widget
    /// resumes the same conversation); a shop user signs in again with the shop's hash instead.
    public static let renewalWindow: TimeInterval = 30 * 86400

    private static let version = "rct1"

    public init(inboxID: String, contact: ChatContact, expiresAt: Date) {
        self.inboxID = inboxID
        self.contact = contact
        self.expiresAt = expiresAt
    }

    /// A new token for `contact`, good for `lifetime` from `now`.
    public static func issue(inboxID: String, contact: ChatContact, now: Date) -> ChatSessionToken {
        ChatSessionToken(inboxID: inboxID, contact: contact, expiresAt: Date(timeIntervalSince1970: (now + lifetime).timeIntervalSince1970.rounded(.down)))
    }

    public func encoded(secret: String) -> String {
        let expiry = String(Int64(expiresAt.timeIntervalSince1970))
        let address = Data(contact.address.utf8).base64URLEncoded
        return [Self.version, expiry, address, Self.signature(inboxID: inboxID, expiry: expiry, address: address, secret: secret)]
            .joined(separator: ".")
    }

    /// The token `text` stands for, when its signature under `secret` for this inbox holds
    /// (whether or not it has expired); nil for anything else.
    public static func verified(_ text: String, inboxID: String, secret: String) -> ChatSessionToken? {
        guard !secret.isEmpty, text.utf8.count <= 1024 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == version, let seconds = Int64(parts[1]),
            WebhookSignature.constantTimeEquals(parts[3], signature(inboxID: inboxID, expiry: parts[1], address: parts[2], secret: secret)),
            let addressBytes = Data(base64URLEncoded: parts[2]), let address = String(data: addressBytes, encoding: .utf8),
            let contact = ChatContact(address: address)
        else { return nil }
        return ChatSessionToken(inboxID: inboxID, contact: contact, expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    public func isExpired(at now: Date) -> Bool { now >= expiresAt }

    /// Whether the token may be traded for a new one at `now`: a visitor's, not too long expired.
    public func isRenewable(at now: Date) -> Bool {
        guard case .visitor = contact else { return false }
        return now < expiresAt + Self.renewalWindow
    }

    private static func signature(inboxID: String, expiry: String, address: String, secret: String) -> String {
        WebhookSignature.hexHMACSHA256(Data("\(version)\n\(inboxID)\n\(expiry)\n\(address)".utf8), secret: secret)
    }
}
