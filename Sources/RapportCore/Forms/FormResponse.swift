import Foundation

/// One stored submission: the checked answers, the result a quiz scored, the profile they
/// landed on, the double opt-in a ticked consent box started, and where it came from.
public struct FormResponse: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var formID: String
    public var submissionID: String
    public var customerID: String?
    public var anonymousID: String?
    /// The address typed in the form's e-mail question: its owner's data, found by it for their
    /// export and erasure (whoever typed it holds the response).
    public var email: String?
    public var answers: [String: JSONValue]
    public var resultKey: String?
    public var signUpID: String?
    public var origin: String?
    public var ipAddress: String?
    public var userAgent: String?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, formID: String, submissionID: String, customerID: String?, anonymousID: String?, email: String?,
        answers: [String: JSONValue], resultKey: String?, signUpID: String?, origin: String?, ipAddress: String?, userAgent: String?, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.formID = formID
        self.submissionID = submissionID
        self.customerID = customerID
        self.anonymousID = anonymousID
        self.email = email
        self.answers = answers
        self.resultKey = resultKey
        self.signUpID = signUpID
        self.origin = origin
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.createdAt = createdAt
    }
}
