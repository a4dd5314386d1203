import Foundation

/// What a person sets on a task, made or changed: each part given is set (`dueAt`, `remindAt`,
/// `ownerID`, `teamID`, `customerID` and the links may be set to none with `.some(nil)`); a
/// part left nil stays.
public struct WorkTaskChange: Sendable, Equatable {
    public var kind: WorkTaskKind?
    public var title: String?
    public var status: WorkTaskStatus?
    public var dueAt: Date??
    public var ownerID: String??
    public var teamID: String??
    public var customerID: String??
    public var dealID: String??
    public var leadID: String??
    public var companyID: String??
    public var remindAt: Date??

    public init(
        kind: WorkTaskKind? = nil, title: String? = nil, status: WorkTaskStatus? = nil, dueAt: Date?? = nil, ownerID: String?? = nil,
        teamID: String?? = nil, customerID: String?? = nil, dealID: String?? = nil, leadID: String?? = nil, companyID: String?? = nil,
        remindAt: Date?? = nil
    ) {
        self.kind = kind
        self.title = title
        self.status = status
        self.dueAt = dueAt
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.dealID = dealID
        self.leadID = leadID
        self.companyID = companyID
        self.remindAt = remindAt
    }
}
