import RapportCore

/// A campaign message's unsubscribe and preference-centre links at Rapport's public address,
/// from the route table.
struct SiteCampaignLinks: CampaignLinks {
    let base: String

    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func unsubscribeURL(token: String) -> String {
        base + SiteURL.unsubscribe(token: token).path
    }

    func preferencesURL(token: String) -> String {
        base + SiteURL.preferences(token: token).path
    }
}
