/// What the team sets on a lead; nil leaves a field as it is, `.some(nil)` clears it. A status
/// of `disqualified` needs a reason; `converted` comes only from a conversion.
public struct LeadChange: Sendable, Equatable {
    public var title: String??
    public var status: LeadStatus?
    public var disqualifiedReason: String??
    public var companyID: String??
    public var campaign: String??
    public var ownerID: String??
    public var teamID: String??

    public init(
        title: String?? = nil, status: LeadStatus? = nil, disqualifiedReason: String?? = nil, companyID: String?? = nil, campaign: String?? = nil,
        ownerID: String?? = nil, teamID: String?? = nil
    ) {
        self.title = title
        self.status = status
        self.disqualifiedReason = disqualifiedReason
        self.companyID = companyID
        self.campaign = campaign
        self.ownerID = ownerID
        self.teamID = teamID
    }

    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [
            title.map { _ in "title" }, status.map { _ in "status" }, disqualifiedReason.map { _ in "disqualified_reason" },
            companyID.map { _ in "company_id" }, campaign.map { _ in "campaign" }, ownerID.map { _ in "owner_id" }, teamID.map { _ in "team_id" },
        ].compactMap { $0 }
    }
}
