/// What a customer sees of their loyalty points on their own page (the preference centre their
/// store's messages link to): their account, the programme's rewards they may take for points,
/// and the codes they took.
public struct CustomerPoints: Sendable {
    public var account: LoyaltyAccount
    public var rewards: [LoyaltyReward]
    public var codes: [LoyaltyRewardCode]

    public init(account: LoyaltyAccount, rewards: [LoyaltyReward], codes: [LoyaltyRewardCode]) {
        self.account = account
        self.rewards = rewards
        self.codes = codes
    }
}
