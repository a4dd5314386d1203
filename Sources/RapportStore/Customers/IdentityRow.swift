import RapportCore

/// An identity as the one-statement view returns it inside a JSON array.
struct IdentityRow: Decodable {
    var id: String
    var kind: String
    var value: String
    var source: String?
    var createdAt: Int64
    var provenance: String?

    var identity: Identity? {
        IdentityKind(rawValue: kind).map {
            Identity(id: id, kind: $0, value: value, source: source, createdAt: Timestamp.date(microseconds: createdAt),
                provenance: provenance.flatMap(IdentityProvenance.init(rawValue:)) ?? .asserted)
        }
    }
}
