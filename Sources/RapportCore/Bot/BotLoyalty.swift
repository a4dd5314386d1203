/// What the bot knows of the loyalty programme in a turn about points: the programme and the
/// accounts it may speak of — the conversation's customer's, and those of the customers whose
/// orders are in hand (one of which the person may have proven to be theirs).
public struct BotLoyalty: Sendable {
    public var program: LoyaltyProgram
    /// Customer id → account.
    public var accounts: [String: LoyaltyAccount]

    public init(program: LoyaltyProgram, accounts: [String: LoyaltyAccount]) {
        self.program = program
        self.accounts = accounts
    }
}
