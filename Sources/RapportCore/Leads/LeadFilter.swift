/// Which leads a list shows, newest first.
public struct LeadFilter: Sendable, Equatable {
    public var status: LeadStatus?
    /// Only the open ones (new, working, qualified).
    public var openOnly: Bool
    public var source: LeadSource?
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?
    public var companyID: String?

    public init(
        status: LeadStatus? = nil, openOnly: Bool = false, source: LeadSource? = nil, ownerID: String? = nil, teamID: String? = nil,
        customerID: String? = nil, companyID: String? = nil
    ) {
        self.status = status
        self.openOnly = openOnly
        self.source = source
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.companyID = companyID
    }
}
