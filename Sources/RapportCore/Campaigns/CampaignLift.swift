import RapportLearning

/// The campaign against its holdout: the recipients' conversion and revenue per recipient in
/// the conversion window beside the held-out customers', the incremental lift, and whether the
/// difference in conversion is more than chance (the two-proportion z-test, 95 % interval).
/// Both groups count from when the audience was resolved, when the draw put each customer
/// in one or the other.
public struct CampaignLift: Sendable, Equatable {
    public static let confidence = 0.95

    /// The customers the message went to.
    public var recipients: CampaignGroupOutcome
    /// The customers held out at random.
    public var holdout: CampaignGroupOutcome
    /// How long after the draw an order counts: the longer attribution window, at least a day.
    public var windowDays: Int

    public init(recipients: CampaignGroupOutcome, holdout: CampaignGroupOutcome, windowDays: Int) {
        self.recipients = recipients
        self.holdout = holdout
        self.windowDays = windowDays
    }

    /// The test of recipients' conversion against the holdout's; nil while either group is empty.
    public var test: TwoProportionTest? {
        TwoProportionTest(successesA: recipients.converted, trialsA: recipients.members, successesB: holdout.converted, trialsB: holdout.members)
    }

    /// Recipients' conversion over the holdout's, less one (0.25: a quarter more customers
    /// ordered); nil while the holdout converted none.
    public var relativeLift: Double? {
        guard let treated = recipients.conversionRate, let baseline = holdout.conversionRate, baseline > 0 else { return nil }
        return treated / baseline - 1
    }

    /// Revenue per recipient less revenue per held-out customer, in minor units of `currency`,
    /// times the recipients: what the campaign added beyond what they would have spent anyway.
    public func incrementalRevenue(_ currency: String) -> Int64? {
        guard let treated = recipients.revenuePerMember(currency), let baseline = holdout.revenuePerMember(currency) else { return nil }
        return Int64(((treated - baseline) * Double(recipients.members)).rounded())
    }
}
