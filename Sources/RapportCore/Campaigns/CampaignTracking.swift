import Foundation

/// How one recipient's campaign e-mail is measured: its links lead through Rapport's click
/// redirect and its HTML ends with an open pixel, each signed for the send so nobody can make
/// Rapport redirect elsewhere (the redirect follows only a target signed for that send: never an
/// open redirect) or count opens and clicks for someone else's message.
///
/// The inbox can switch either off (`track_clicks`, `track_opens` set to `off`), and a customer
/// who withdrew consent to analytics on e-mail gets neither: their links go straight to the shop
/// and their message has no pixel.
public struct CampaignTracking: Sendable {
    public let sendID: String
    public let clicks: Bool
    public let opens: Bool
    private let signer: any LinkSigner
    private let links: any CampaignLinks

    public init(sendID: String, clicks: Bool, opens: Bool, signer: any LinkSigner, links: any CampaignLinks) {
        self.sendID = sendID
        self.clicks = clicks
        self.opens = opens
        self.signer = signer
        self.links = links
    }

    /// Where a link of the message leads: through the click redirect when clicks are tracked
    /// and the target is a web address; as written otherwise (`mailto:`, `tel:`, anchors).
    public func link(_ target: String) -> String {
        guard clicks, Self.isWebAddress(target) else { return target }
        return links.clickURL(sendID: sendID, signature: signer.signature(of: Self.clickPayload(sendID: sendID, target: target)), target: target)
    }

    /// The pixel's address, when opens are tracked.
    public var pixel: String? {
        opens ? links.openURL(sendID: sendID, signature: signer.signature(of: Self.openPayload(sendID: sendID))) : nil
    }

    /// Whether a click redirect's signature is this installation's for that send and target.
    public static func isValidClick(sendID: String, target: String, signature: String, signer: any LinkSigner) -> Bool {
        isWebAddress(target) && signer.isValid(signature, of: clickPayload(sendID: sendID, target: target))
    }

    /// Whether an open pixel's signature is this installation's for that send.
    public static func isValidOpen(sendID: String, signature: String, signer: any LinkSigner) -> Bool {
        signer.isValid(signature, of: openPayload(sendID: sendID))
    }

    /// An absolute http or https address: the only targets a click may be sent on to.
    public static func isWebAddress(_ target: String) -> Bool {
        guard let components = URLComponents(string: target), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    private static func clickPayload(sendID: String, target: String) -> String {
        "click." + sendID + "." + target
    }

    private static func openPayload(sendID: String) -> String {
        "open." + sendID
    }
}
