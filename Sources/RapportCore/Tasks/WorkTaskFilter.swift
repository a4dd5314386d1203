/// Which tasks a list shows: by status, owner, team, customer, or the deal, lead or company
/// they are about (each optional).
public struct WorkTaskFilter: Sendable, Equatable {
    public var status: WorkTaskStatus?
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?
    public var dealID: String?
    public var leadID: String?
    public var companyID: String?

    public init(
        status: WorkTaskStatus? = nil, ownerID: String? = nil, teamID: String? = nil, customerID: String? = nil, dealID: String? = nil,
        leadID: String? = nil, companyID: String? = nil
    ) {
        self.status = status
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.dealID = dealID
        self.leadID = leadID
        self.companyID = companyID
    }
}
