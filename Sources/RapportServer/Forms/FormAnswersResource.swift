import Foundation
import RapportCore

/// One submission as the API lists it.
struct FormAnswersResource: Encodable {
    let id: String
    let object = "form_response"
    let formId: String
    let customerId: String?
    let answers: JSONValue
    let result: String?
    let signUpId: String?
    let origin: String?
    let createdAt: Date

    init(_ response: FormResponse) {
        id = response.id
        formId = response.formID
        customerId = response.customerID
        answers = .object(response.answers)
        result = response.resultKey
        signUpId = response.signUpID
        origin = response.origin
        createdAt = response.createdAt
    }
}
