import Foundation
import RapportCore

/// A journey as the API shows it: its draft as saved, its status and the version new entrants take.
struct JourneyResponse: Encodable {
    let id: String
    let object = "journey"
    let name: String
    let status: String
    let definition: JSONValue
    /// The published version new entrants take; null before the first publication.
    let liveVersion: Int?
    let templateKey: String?
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date
    let publishedAt: Date?

    init(_ journey: Journey) {
        id = journey.id
        name = journey.name
        status = journey.status.rawValue
        definition = journey.draft
        liveVersion = journey.liveVersion
        templateKey = journey.templateKey
        createdBy = journey.createdBy
        createdAt = journey.createdAt
        updatedAt = journey.updatedAt
        publishedAt = journey.publishedAt
    }
}
