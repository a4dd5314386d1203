/// Why a member of the audience gets no message, counted per reason on the campaign's report.
public enum CampaignSkipReason: String, Sendable, CaseIterable {
    /// A member of an excluded segment.
    case excluded
    /// No address on the campaign's channel.
    case noAddress = "no_address"
    /// No marketing consent on the channel.
    case noConsent = "no_consent"
    /// Their contact preferences pause marketing for now.
    case paused
    /// The frequency cap is reached.
    case frequencyCap = "frequency_cap"
    /// The address is suppressed (a hard bounce, a complaint, a STOP).
    case suppressed
    /// Deleted or merged into another profile after the audience was resolved.
    case gone
}
