import Foundation

/// Something one user of the team should look at now: a task to do, a deal stuck, a meeting
/// about to start. One row per recipient, made once per `origin` (what made it and when), so a
/// sweep run again, or on two servers at once, alerts once; a task moved to a new time alerts
/// again. `title` is the team's own text (the task's or deal's title), never a customer's words.
public struct Alert: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var userID: String
    public var kind: AlertKind
    public var subjectID: String
    /// The customer the subject is about, if any: the alert goes with their erasure.
    public var customerID: String?
    public var title: String
    public var origin: String
    /// The moment the alert is about: the task's due time, the meeting's start, when the deal became stuck.
    public var dueAt: Date?
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: String, workspaceID: String, userID: String, kind: AlertKind, subjectID: String, customerID: String? = nil, title: String,
        origin: String, dueAt: Date? = nil, createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.userID = userID
        self.kind = kind
        self.subjectID = subjectID
        self.customerID = customerID
        self.title = title
        self.origin = origin
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
