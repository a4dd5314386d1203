/// The payload of `lead.created`, `lead.status_changed` and `lead.converted`: the lead, its
/// customer and company, where it came from, its status (and the one before, for a change) and
/// the deal it became.
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
    }
}
