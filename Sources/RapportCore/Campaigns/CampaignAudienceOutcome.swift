import Foundation

/// What becomes of a group of an audience's members (`CampaignAudiencePlan.decide`).
public struct CampaignAudienceOutcome: Sendable, Equatable {
    /// Why they get nothing; nil when they may get it (each member is then held out, tested or
    /// queued by their own draw).
    public var skipReason: CampaignSkipReason?
    /// When their message may first go, when that is after the resolution (their local time,
    /// the end of their quiet hours). Variant `A`, the variants without a time of their own and
    /// those waiting for a winner go by it.
    public var notBefore: Date?
    /// In a test of send time, when a member drawn into each variant with a `localTime` may
    /// first get it, by the variant's name (its next time on their clock, then quiet hours).
    /// Empty when they get nothing, or when no variant has a time: the draw that picks the
    /// variant is the member's own, made in the store, so the group answers for every variant
    /// it might be.
    public var variantNotBefore: [String: Date]

    public init(skipReason: CampaignSkipReason?, notBefore: Date?, variantNotBefore: [String: Date] = [:]) {
        self.skipReason = skipReason
        self.notBefore = notBefore
        self.variantNotBefore = variantNotBefore
    }
}
