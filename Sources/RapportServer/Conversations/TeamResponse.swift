import Foundation
import RapportCore

struct TeamResponse: Encodable {
    let createdAt: Date
    let id: String
    let memberIDs: [String]
    let name: String
    let object = "team"

    private enum CodingKeys: String, CodingKey {
        case createdAt, id, memberIDs = "member_ids", name, object
    }

    init(_ team: Team) {
        createdAt = team.createdAt
        id = team.id
        memberIDs = team.memberIDs
        name = team.name
    }
}
