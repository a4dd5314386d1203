import Foundation

/// A sales view of a customer profile, not a second person: someone who asked about buying in
/// bulk, for a business or a large order. It keeps where it came from (source, the campaign
/// and the record that brought it), who works it, its status and the deal it became. A profile
/// holds at most one open lead: a new enquiry adds to it (`enquiries`, `lastEnquiryAt`).
public struct Lead: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var companyID: String?
    public var source: LeadSource
    /// The campaign (a `utm_campaign`, a campaign's name) that brought it.
    public var campaign: String?
    /// The record it came from: a form, a conversation, a tracked event's message id.
    public var originID: String?
    /// What they asked about ("200 mugs with our logo").
    public var title: String?
    public var ownerID: String?
    public var teamID: String?
    public var status: LeadStatus
    public var disqualifiedReason: String?
    public var dealID: String?
    public var enquiries: Int
    public var lastEnquiryAt: Date
    public var convertedAt: Date?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, companyID: String? = nil, source: LeadSource, campaign: String? = nil, originID: String? = nil,
        title: String? = nil, ownerID: String? = nil, teamID: String? = nil, status: LeadStatus = .new, disqualifiedReason: String? = nil,
        dealID: String? = nil, enquiries: Int = 1, lastEnquiryAt: Date, convertedAt: Date? = nil, createdBy: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.companyID = companyID
        self.source = source
        self.campaign = campaign
        self.originID = originID
        self.title = title
        self.ownerID = ownerID
        self.teamID = teamID
        self.status = status
        self.disqualifiedReason = disqualifiedReason
        self.dealID = dealID
        self.enquiries = enquiries
        self.lastEnquiryAt = lastEnquiryAt
        self.convertedAt = convertedAt
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
