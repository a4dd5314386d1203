import Foundation
import RapportCore

struct SLAPolicyResponse: Encodable {
    let businessHours: BusinessHoursResponse?
    let createdAt: Date
    let firstResponseSeconds: Int?
    let id: String
    let name: String
    let nextResponseSeconds: Int?
    let object = "sla_policy"
    let resolutionSeconds: Int?

    init(_ policy: SLAPolicy) {
        businessHours = policy.businessHours.map(BusinessHoursResponse.init)
        createdAt = policy.createdAt
        firstResponseSeconds = policy.firstResponseSeconds
        id = policy.id
        name = policy.name
        nextResponseSeconds = policy.nextResponseSeconds
        resolutionSeconds = policy.resolutionSeconds
    }
}
