import Foundation
import RapportCore

/// A lead as the API shows it.
struct LeadResponse: Encodable {
    let object = "lead"
    let id: String
    let customerId: String
    let companyId: String?
    let source: String
    let campaign: String?
    let originId: String?
    let title: String?
    let ownerId: String?
    let teamId: String?
    let status: String
    let disqualifiedReason: String?
    let dealId: String?
    let enquiries: Int
    let lastEnquiryAt: String
    let convertedAt: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String
    /// The rule score now, to one decimal (left out where not read).
    let score: Double?

    init(_ lead: Lead, score: Double? = nil) {
        self.score = score.map(LeadScore.rounded)
        id = lead.id
        customerId = lead.customerID
        companyId = lead.companyID
        source = lead.source.rawValue
        campaign = lead.campaign
        originId = lead.originID
        title = lead.title
        ownerId = lead.ownerID
        teamId = lead.teamID
        status = lead.status.rawValue
        disqualifiedReason = lead.disqualifiedReason
        dealId = lead.dealID
        enquiries = lead.enquiries
        lastEnquiryAt = Timestamp.iso8601(lead.lastEnquiryAt)
        convertedAt = lead.convertedAt.map(Timestamp.iso8601)
        createdBy = lead.createdBy
        createdAt = Timestamp.iso8601(lead.createdAt)
        updatedAt = Timestamp.iso8601(lead.updatedAt)
    }
}
