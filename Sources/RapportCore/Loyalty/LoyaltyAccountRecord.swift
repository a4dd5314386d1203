/// What a live customer's account is made of, read together: the workspace's programme, the
/// customer's balance row and a page of their ledger, newest first.
public struct LoyaltyAccountRecord: Sendable {
    public var program: LoyaltyProgram?
    public var balance: LoyaltyBalance
    public var entries: Page<LoyaltyEntry>

    public init(program: LoyaltyProgram?, balance: LoyaltyBalance, entries: Page<LoyaltyEntry>) {
        self.program = program
        self.balance = balance
        self.entries = entries
    }
}
