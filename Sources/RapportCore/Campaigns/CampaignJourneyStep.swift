/// The journey step a campaign sends for (ADR 0013): each message step of a published journey
/// version is a campaign of its own, with no audience, that the journey's runner queues sends
/// into one at a time. Such a campaign is hidden from the campaign list and API (its journey
/// manages it) and never finishes while its journey runs.
public struct CampaignJourneyStep: Sendable, Equatable {
    public var journeyID: String
    public var version: Int
    public var stepKey: String
    /// A marketing message asks for marketing consent; a service message (an order's thank-you)
    /// asks only that the address is not suppressed for service (`ConsentGate`).
    public var isMarketing: Bool

    public init(journeyID: String, version: Int, stepKey: String, isMarketing: Bool) {
        self.journeyID = journeyID
        self.version = version
        self.stepKey = stepKey
        self.isMarketing = isMarketing
    }

    /// What the consent gate asks for this step's messages.
    public var purpose: ConsentPurpose? { isMarketing ? .marketing : nil }
}
