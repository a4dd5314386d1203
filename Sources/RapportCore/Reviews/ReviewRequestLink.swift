import Foundation

/// The link of a review request (`{{review_link}}` in a message): one order's items to review,
/// signed (`LinkSigner`) so the link alone opens that order's page and no other, and open until
/// the end of its last day (UTC), 45 days after the message that carried it.
public struct ReviewRequestLink: Sendable, Equatable {
    /// How long a request stays open after its message.
    public static let validDays = 45

    public var workspaceID: String
    public var orderID: String
    /// The link's last day, as whole days since 1970-01-01 (UTC), the way the URL carries it.
    public var expires: String

    public init(workspaceID: String, orderID: String, expires: String) {
        self.workspaceID = workspaceID
        self.orderID = orderID
        self.expires = expires
    }

    /// The link of a request sent at `sentAt`.
    public static func issued(workspaceID: String, orderID: String, at sentAt: Date) -> ReviewRequestLink {
        let lastDay = Int((sentAt.timeIntervalSince1970 / 86_400).rounded(.down)) + validDays
        return ReviewRequestLink(workspaceID: workspaceID, orderID: orderID, expires: String(lastDay))
    }

    /// What the signature covers: every part of the link.
    public var signedText: String { "review-request:\(workspaceID):\(orderID):\(expires)" }

    /// The first moment the link no longer opens; nil when `expires` is no day.
    public var closesAt: Date? {
        guard let day = Int(expires), day >= 0, day < 1_000_000 else { return nil }
        return Date(timeIntervalSince1970: Double(day + 1) * 86_400)
    }
}
