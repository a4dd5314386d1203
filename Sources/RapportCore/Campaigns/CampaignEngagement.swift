/// What a recipient did with a campaign message that Rapport can see: loaded its images (the
/// open pixel) or followed one of its links (the click redirect).
public enum CampaignEngagement: String, Sendable, Equatable {
    case open, click
}
