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

    /// RFC 8058's one-click URL must be https, at an address the customer's mail provider
    /// reaches: `RAPPORT_PUBLIC_URL` set to Rapport's public https address.
    var problem: String? {
        base.lowercased().hasPrefix("https://") ? nil
            : "Campaign links would point to \(base), which customers cannot reach: set RAPPORT_PUBLIC_URL to Rapport's public https address, then resume the campaign."
    }
}
