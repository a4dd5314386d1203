import Foundation
import RapportCore

/// A task as the API shows it.
struct WorkTaskResponse: Encodable {
    let object = "task"
    let id: String
    let kind: String
    let title: String
    let status: String
    let dueAt: String?
    let ownerId: String?
    let teamId: String?
    let customerId: String?
    let journeyId: String?
    let dealId: String?
    let leadId: String?
    let companyId: String?
    let remindAt: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String
    let completedAt: String?
    let completedBy: String?

    init(_ task: WorkTask) {
        id = task.id
        kind = task.kind.rawValue
        title = task.title
        status = task.status.rawValue
        dueAt = task.dueAt.map(Timestamp.iso8601)
        ownerId = task.ownerID
        teamId = task.teamID
        customerId = task.customerID
        journeyId = task.journeyID
        dealId = task.dealID
        leadId = task.leadID
        companyId = task.companyID
        remindAt = task.remindAt.map(Timestamp.iso8601)
        createdBy = task.createdBy
        createdAt = Timestamp.iso8601(task.createdAt)
        updatedAt = Timestamp.iso8601(task.updatedAt)
        completedAt = task.completedAt.map(Timestamp.iso8601)
        completedBy = task.completedBy
    }
}
