import Foundation

/// The payload of `form.submitted`: which form, the profile the answers landed on, the answers,
/// a quiz's result, and whether a confirmation mail was started.
public struct FormEventPayload: EventPayload {
    public static let version = 1
    public var formID: String
    public var formName: String
    public var kind: String
    public var responseID: String
    public var customerID: String?
    public var answers: [String: JSONValue]
    public var result: String?
    public var confirmationRequested: Bool

    init(form: Form, response: FormResponse) {
        formID = form.id
        formName = form.name
        kind = form.kind.rawValue
        responseID = response.id
        customerID = response.customerID
        answers = response.answers
        result = response.resultKey
        confirmationRequested = response.signUpID != nil
    }
}
