/// What the bot does with one customer message: its replies (where `{{return.id}}` stands
/// for the return an action opens, `{{reward.code}}` and `{{reward.expires}}` for the reward
/// code it issues), the changes it makes, and whether it hands the
/// conversation to a person or closes it.
public struct BotTurn: Sendable, Equatable {
    public var replies: [String] = []
    public var actions: [BotAction] = []
    public var handoff: HandoffReason?
    public var resolves = false
    /// The customer asked about products (a `conversation.product_asked` event).
    public var productAsked = false
    /// The product question was answered from the help centre (else a person was offered).
    public var productAnswered = false

    public init() {}
}
