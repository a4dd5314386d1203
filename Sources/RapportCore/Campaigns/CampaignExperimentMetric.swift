/// What decides an A/B/n test: the share of each variant's recipients who clicked, or who
/// placed an order (not cancelled, not wholly refunded) since the draw.
public enum CampaignExperimentMetric: String, Sendable, Equatable, CaseIterable {
    case clickRate = "click_rate"
    case conversion
}
