/// What the bot remembers within one conversation: the task in hand, the order it is about,
/// what it asked, what it tried, and how often it failed to understand.
public struct BotState: Sendable, Equatable, Codable {
    /// The order work in hand while the bot collects what it needs (stored by its intent's name).
    public var task: BuiltInIntent?
    public var awaiting: BotQuestion?
    public var orderID: String?
    /// Orders the person proved to be theirs (order e-mail or postcode) in this conversation.
    public var verifiedOrderIDs: [String] = []
    public var returnLineIDs: [String] = []
    /// How many pieces come back, when the customer chose one line of several pieces.
    public var returnQuantity: Int?
    /// The reward the customer chose to spend points on, and whose points, while the bot asks
    /// them to confirm.
    public var rewardKey: String?
    /// The points the reward took when offered: a price changed since is offered again.
    public var rewardPoints: Int64?
    public var rewardCustomerID: String?
    /// The proven profile of the chat has no points and the bot asked for an order placed under
    /// another number: the points it tells are that order's customer's.
    public var pointsElsewhere = false
    /// Consecutive messages the bot could not place.
    public var misunderstood = 0
    public var verificationFailures = 0
    /// What the bot did, in order, for the hand-off note ("told the status of order 1001").
    public var tried: [String] = []
    /// The customer's words when they asked for the task in hand.
    public var request: String?
    public var lastIntent: String?
    /// The customer's language as last seen; nil until a message shows one (English then).
    public var language: BotLanguage?
    /// The newest customer message answered, so a repeated job answers nothing twice.
    public var lastMessageID: String?

    public init() {}

    mutating func finishTask() {
        task = nil
        awaiting = nil
        returnLineIDs = []
        returnQuantity = nil
        rewardKey = nil
        rewardPoints = nil
        rewardCustomerID = nil
        pointsElsewhere = false
    }
}
