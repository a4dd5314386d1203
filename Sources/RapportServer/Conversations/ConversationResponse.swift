import Foundation
import RapportCore

/// A conversation as the API shows it.
struct ConversationResponse: Encodable {
    struct SLA: Encodable {
        let breaches: [String]
        let firstResponseAt: Date?
        let firstResponseDue: Date?
        let nextResponseDue: Date?
        let resolutionDue: Date?
        let waitingSince: Date?
    }

    let assigneeID: String?
    let channel: InboxChannel
    let contact: String
    let createdAt: Date
    let customerID: String
    let id: String
    let inboxID: String
    let labels: [String]
    let lastIncomingAt: Date?
    let lastMessageAt: Date
    let object = "conversation"
    let priority: ConversationPriority
    let resolvedAt: Date?
    let sla: SLA
    let snoozedUntil: Date?
    let status: ConversationStatus
    let subject: String?
    let teamID: String?
    let updatedAt: Date

    init(_ conversation: Conversation) {
        assigneeID = conversation.assigneeID
        channel = conversation.channel
        contact = conversation.contact
        createdAt = conversation.createdAt
        customerID = conversation.customerID
        id = conversation.id
        inboxID = conversation.inboxID
        labels = conversation.labels
        lastIncomingAt = conversation.lastIncomingAt
        lastMessageAt = conversation.lastMessageAt
        priority = conversation.priority
        resolvedAt = conversation.resolvedAt
        sla = SLA(
            breaches: conversation.slaBreaches, firstResponseAt: conversation.firstResponseAt,
            firstResponseDue: conversation.firstResponseDue, nextResponseDue: conversation.nextResponseDue,
            resolutionDue: conversation.resolutionDue, waitingSince: conversation.waitingSince)
        snoozedUntil = conversation.snoozedUntil
        status = conversation.status
        subject = conversation.subject
        teamID = conversation.teamID
        updatedAt = conversation.updatedAt
    }
}
