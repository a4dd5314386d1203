/// Which tasks a list shows: by status, owner, team or customer (each optional).
public struct WorkTaskFilter: Sendable, Equatable {
    public var status: WorkTaskStatus?
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?

    public init(status: WorkTaskStatus? = nil, ownerID: String? = nil, teamID: String? = nil, customerID: String? = nil) {
        self.status = status
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
    }
}
