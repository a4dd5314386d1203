import Foundation

/// An alert as the API and the live stream show it.
public struct AlertDocument: Encodable, Sendable {
    let object = "alert"
    let id: String
    let kind: String
    let subjectType: String
    let subjectId: String
    let customerId: String?
    let title: String
    let dueAt: String?
    let createdAt: String
    let readAt: String?

    public init(_ alert: Alert) {
        id = alert.id
        kind = alert.kind.rawValue
        subjectType = alert.kind.subjectType
        subjectId = alert.subjectID
        customerId = alert.customerID
        title = alert.title
        dueAt = alert.dueAt.map(Timestamp.iso8601)
        createdAt = Timestamp.iso8601(alert.createdAt)
        readAt = alert.readAt.map(Timestamp.iso8601)
    }
}
