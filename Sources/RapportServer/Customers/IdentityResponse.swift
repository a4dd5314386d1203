import Foundation
import RapportCore

struct IdentityResponse: Encodable {
    var id: String
    var kind: IdentityKind
    var value: String
    var source: String?
    var createdAt: Date

    init(_ identity: Identity) {
        id = identity.id
        kind = identity.kind
        value = identity.value
        source = identity.source
        createdAt = identity.createdAt
    }

    enum CodingKeys: String, CodingKey { case id, kind, value, source, createdAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(value, forKey: .value)
        try container.encode(source, forKey: .source)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
