import Foundation
import RapportCore

/// A customer's place at a company.
struct CompanyPersonResponse: Encodable {
    let object = "company_person"
    let companyId: String
    let customerId: String
    let role: String?
    let primary: Bool
    let addedAt: String

    init(_ person: CompanyPerson) {
        companyId = person.companyID
        customerId = person.customerID
        role = person.role
        primary = person.isPrimary
        addedAt = Timestamp.iso8601(person.addedAt)
    }
}
