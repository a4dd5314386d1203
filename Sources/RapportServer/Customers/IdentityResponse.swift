import Foundation
import RapportCore

struct IdentityResponse: Encodable {
    let createdAt: Date
    let id: String
    let kind: IdentityKind
    let provenance: IdentityProvenance
    let source: String?
    let value: String

    init(identity: Identity) {
        createdAt = identity.createdAt
        id = identity.id
        kind = identity.kind
        provenance = identity.provenance
        source = identity.source
        value = identity.value
    }
}
