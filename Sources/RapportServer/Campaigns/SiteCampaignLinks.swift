import Foundation
import RapportCore

/// A campaign message's unsubscribe and preference-centre links at Rapport's public address,
/// from the route table.
struct SiteCampaignLinks: CampaignLinks {
    let base: String

    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func unsubscribeURL(token: String, sendID: String) -> String {
        base + SiteURL.unsubscribe(token: token).path + "?send=" + sendID
    }

    func preferencesURL(token: String) -> String {
        base + SiteURL.preferences(token: token).path
    }

    func clickURL(sendID: String, signature: String, target: String) -> String {
        base + SiteURL.campaignClick(sendID: sendID, signature: signature).path + "?u="
            + (target.addingPercentEncoding(withAllowedCharacters: Self.queryValue) ?? "")
    }

    func textClickURL(sendID: String, index: Int, signature: String) -> String {
        base + SiteURL.campaignTextClick(sendID: sendID, index: String(index), signature: signature).path
    }

    func openURL(sendID: String, signature: String) -> String {
        base + SiteURL.campaignOpen(sendID: sendID, signature: signature).path
    }

    func reviewURL(_ link: ReviewRequestLink, signature: String) -> String {
        base + SiteURL.reviewRequest(workspaceID: link.workspaceID, orderID: link.orderID, expires: link.expires, signature: signature).path
    }

    /// What a query value keeps unencoded: RFC 3986's unreserved characters.
    private static let queryValue = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// RFC 8058's one-click URL must be https, at an address the customer's mail provider
    /// reaches: `RAPPORT_PUBLIC_URL` set to Rapport's public https address.
    var problem: String? {
        base.lowercased().hasPrefix("https://") ? nil
            : "Campaign links would point to \(base), which customers cannot reach: set RAPPORT_PUBLIC_URL to Rapport's public https address, then resume the campaign."
    }
}
