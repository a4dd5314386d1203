/// A customer's side of the programme: their code, the link to share, and how many friends
/// came with it and were rewarded.
public struct ReferralAccount: Sendable, Equatable {
    public var customerID: String
    public var code: String
    public var link: String?
    public var referred: Int
    public var rewarded: Int

    public init(customerID: String, code: String, link: String?, referred: Int, rewarded: Int) {
        self.customerID = customerID
        self.code = code
        self.link = link
        self.referred = referred
        self.rewarded = rewarded
    }
}
