import Foundation
import RapportCore

/// A deal as the API shows it; `status` is its stage's kind.
struct DealResponse: Encodable {
    let object = "deal"
    let id: String
    let title: String
    let pipelineId: String
    let stageId: String
    let status: String
    let amount: Int64
    let currency: String
    let lines: [DealLineResponse]
    let expectedCloseOn: String?
    let ownerId: String?
    let teamId: String?
    let customerId: String?
    let companyId: String?
    let leadId: String?
    let nextStep: String?
    let closeReason: String?
    let position: Double
    let stageEnteredAt: String
    let closedAt: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String

    init(_ deal: Deal) {
        id = deal.id
        title = deal.title
        pipelineId = deal.pipelineID
        stageId = deal.stageID
        status = deal.status.rawValue
        amount = deal.amount
        currency = deal.currency
        lines = deal.lines.map(DealLineResponse.init)
        expectedCloseOn = deal.expectedCloseOn
        ownerId = deal.ownerID
        teamId = deal.teamID
        customerId = deal.customerID
        companyId = deal.companyID
        leadId = deal.leadID
        nextStep = deal.nextStep
        closeReason = deal.closeReason
        position = deal.position
        stageEnteredAt = Timestamp.iso8601(deal.stageEnteredAt)
        closedAt = deal.closedAt.map(Timestamp.iso8601)
        createdBy = deal.createdBy
        createdAt = Timestamp.iso8601(deal.createdAt)
        updatedAt = Timestamp.iso8601(deal.updatedAt)
    }
}
