/// What the runner reads of a batch's customers before it walks them: their clock (the
/// profile's time zone, else their phone number's) and whether a support conversation of
/// theirs is open (not resolved, and they wrote in it: one the shop opened, a journey's note
/// for the team, is no complaint), which holds marketing back.
public struct JourneyCustomerFacts: Sendable, Equatable {
    public var customerID: String
    /// The profile's IANA time zone as saved (it may name no real zone).
    public var timeZone: String?
    public var phone: String?
    public var hasOpenConversation: Bool
    /// Deleted, erased or merged away: their walk ends.
    public var isGone: Bool

    public init(customerID: String, timeZone: String?, phone: String?, hasOpenConversation: Bool, isGone: Bool = false) {
        self.customerID = customerID
        self.timeZone = timeZone
        self.phone = phone
        self.hasOpenConversation = hasOpenConversation
        self.isGone = isGone
    }
}
