import Foundation

/// What a webhook delivery posts: the event's id, type, workspace, subject and time, its
/// payload under `data`, and the version of that payload's shape under `data_version`.
struct WebhookEventBody: Encodable {
    let id: String
    let type: DomainEventType
    let workspaceID: String
    let subjectID: String
    let createdAt: Date
    let data: DocumentJSON
    let dataVersion: Int

    init(_ event: DomainEvent) {
        id = event.id
        type = event.type
        workspaceID = event.workspaceID
        subjectID = event.subjectID
        createdAt = event.occurredAt
        data = DocumentJSON(event.payload)
        dataVersion = event.payloadVersion
    }
}
