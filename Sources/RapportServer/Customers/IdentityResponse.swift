import Foundation
import RapportCore

struct IdentityResponse: Encodable {
    var id: String
    var kind: IdentityKind
    var value: String
    @NullEncoded var source: String?
    var createdAt: Date

    init(_ identity: Identity) {
        id = identity.id
        kind = identity.kind
        value = identity.value
        source = identity.source
        createdAt = identity.createdAt
    }
}
