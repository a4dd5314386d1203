import Foundation

/// Answers sent for a form, before they are checked. `submissionID`, chosen by the sender,
/// makes a retried submission count once. `consented`: the consent box was ticked.
public struct FormSubmission: Sendable, Equatable {
    public var answers: [String: JSONValue]
    public var anonymousID: String?
    public var userID: String?
    public var submissionID: String?
    public var consented: Bool
    public var locale: String?

    public init(
        answers: [String: JSONValue], anonymousID: String? = nil, userID: String? = nil, submissionID: String? = nil, consented: Bool = false,
        locale: String? = nil
    ) {
        self.answers = answers
        self.anonymousID = anonymousID
        self.userID = userID
        self.submissionID = submissionID
        self.consented = consented
        self.locale = locale
    }
}
