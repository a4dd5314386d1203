import Foundation
import RapportCore

/// A company as the API shows it.
struct CompanyResponse: Encodable {
    let object = "company"
    let id: String
    let name: String
    let domain: String?
    let size: String?
    let country: String?
    let industry: String?
    let ownerId: String?
    let teamId: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String

    init(_ company: Company) {
        id = company.id
        name = company.name
        domain = company.domain
        size = company.size?.rawValue
        country = company.country
        industry = company.industry
        ownerId = company.ownerID
        teamId = company.teamID
        createdBy = company.createdBy
        createdAt = Timestamp.iso8601(company.createdAt)
        updatedAt = Timestamp.iso8601(company.updatedAt)
    }
}
