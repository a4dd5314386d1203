/// A workspace's surveys: a CSAT after every resolved conversation (the bot's too), an NPS
/// some days after an order is delivered, at most one survey per customer per `quietDays`,
/// and which team follows up a negative answer (the rated conversation's team when nil).
public struct SurveySettings: Sendable, Equatable {
    public static let maximumQuietDays = 365
    public static let maximumDeliveryDays = 90

    public var csatAfterConversations: Bool
    /// Days after delivery an NPS goes; nil sends none.
    public var npsAfterDeliveryDays: Int?
    public var quietDays: Int
    public var followUpNegative: Bool
    public var followUpTeamID: String?

    public init(
        csatAfterConversations: Bool = false, npsAfterDeliveryDays: Int? = nil, quietDays: Int = 30, followUpNegative: Bool = true,
        followUpTeamID: String? = nil
    ) {
        self.csatAfterConversations = csatAfterConversations
        self.npsAfterDeliveryDays = npsAfterDeliveryDays
        self.quietDays = quietDays
        self.followUpNegative = followUpNegative
        self.followUpTeamID = followUpTeamID
    }

    /// What a workspace that never set its surveys has: nothing goes until someone switches it on.
    public static let off = SurveySettings()
}
