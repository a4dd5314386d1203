import Foundation
import RapportCore

/// A segment or list as the API shows it.
struct SegmentResponse: Encodable {
    let id: String
    let object = "segment"
    let name: String
    let description: String?
    let kind: String
    /// A list's is null.
    let definition: JSONValue?
    let memberCount: Int
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date
    let builtAt: Date?

    init(_ segment: Segment) {
        id = segment.id
        name = segment.name
        description = segment.description
        kind = segment.kind.rawValue
        definition = segment.definition?.json
        memberCount = segment.memberCount
        createdBy = segment.createdBy
        createdAt = segment.createdAt
        updatedAt = segment.updatedAt
        builtAt = segment.builtAt
    }
}
