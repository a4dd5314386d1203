/// The payload of `lead.created`, `lead.status_changed`, `lead.converted` and
/// `lead.score_crossed`: the lead, its customer and company, where it came from, its status (and
/// the one before, for a change), the deal it became, and for a crossing the score (to one
/// decimal) and the hot score it rose to.
public struct LeadEventPayload: EventPayload {
    public static let version = 1
    public var leadID: String
    public var customerID: String
    public var companyID: String?
    public var source: String
    public var campaign: String?
    public var status: String
    public var previousStatus: String?
    public var ownerID: String?
    public var teamID: String?
    public var dealID: String?
    public var score: Double?
    public var hotScore: Int?

    init(_ event: LeadEvent) {
        let lead = event.lead
        leadID = lead.id
        customerID = lead.customerID
        companyID = lead.companyID
        source = lead.source.rawValue
        campaign = lead.campaign
        status = lead.status.rawValue
        if case .statusChanged(let from) = event.kind { previousStatus = from.rawValue } else { previousStatus = nil }
        ownerID = lead.ownerID
        teamID = lead.teamID
        dealID = lead.dealID
        if case .scoreCrossed(let score, let hot) = event.kind {
            self.score = LeadScore.rounded(score)
            hotScore = hot
        } else {
            score = nil
            hotScore = nil
        }
    }
}
