import Foundation

/// A channel-wide hold on one address (an SMS number, an e-mail address): why, and who said so
/// (`twilio`, `sendgrid`, …).
public struct Suppression: Sendable, Equatable {
    public var workspaceID: String
    public var channel: ConsentChannel
    public var address: String
    public var reason: SuppressionReason
    public var source: String
    public var createdAt: Date

    public init(workspaceID: String, channel: ConsentChannel, address: String, reason: SuppressionReason, source: String, createdAt: Date) {
        self.workspaceID = workspaceID
        self.channel = channel
        self.address = address
        self.reason = reason
        self.source = source
        self.createdAt = createdAt
    }

    /// An address as suppressions compare it: an e-mail address in lower case; a phone
    /// number (SMS, calls, WhatsApp) as its digits, so `+1 415…` and `1415…` are one number.
    public static func comparable(_ address: String, on channel: ConsentChannel) -> String {
        let space = CharacterSet.whitespacesAndNewlines
        // Most addresses have nothing to trim; Foundation's trimming costs as much as a digest.
        let clean = address.unicodeScalars.first.map { !space.contains($0) } == true && address.unicodeScalars.last.map { !space.contains($0) } == true
        let trimmed = clean ? address : address.trimmingCharacters(in: space)
        switch channel {
        case .email: return trimmed.lowercased()
        case .sms, .voice, .whatsapp: return String(trimmed.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        case .messenger, .instagram, .push, .mail, .web: return trimmed
        }
    }
}
