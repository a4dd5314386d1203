import Foundation

/// One stored identity of a customer, already normalised.
public struct Identity: Sendable, Equatable, Codable {
    public var id: String
    public var kind: IdentityKind
    public var value: String
    /// Where the identity came from (`shopify`, `whatsapp`, …); for `external`, the system the id belongs to.
    public var source: String?
    public var createdAt: Date
    /// Whether the customer's link to this identity was proven or only asserted.
    public var provenance: IdentityProvenance

    public init(
        id: String, kind: IdentityKind, value: String, source: String?, createdAt: Date, provenance: IdentityProvenance
    ) {
        self.id = id
        self.kind = kind
        self.value = value
        self.source = source
        self.createdAt = createdAt
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, value, source, createdAt, provenance
    }

    /// Merge records written before identities carried provenance hold none: those identities
    /// are read back by the rule the migration that added it applied to stored rows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), kind: try container.decode(IdentityKind.self, forKey: .kind),
            value: try container.decode(String.self, forKey: .value),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            createdAt: try container.decode(Date.self, forKey: .createdAt),
            provenance: .proven)
        provenance = try container.decodeIfPresent(IdentityProvenance.self, forKey: .provenance)
            ?? Self.legacyProvenance(kind: kind, source: source)
    }

    /// How an identity stored before provenance existed is taken: asserted when only a browser,
    /// a visitor, an e-mail sender or a caller could have named it, proven otherwise.
    public static func legacyProvenance(kind: IdentityKind, source: String?) -> IdentityProvenance {
        if kind == .anonymous || (kind == .external && source == TrackingService.source) || source == "email" || source == "voice" {
            return .asserted
        }
        return .proven
    }

    public var key: IdentityKey {
        IdentityKey(kind: kind, namespace: kind == .external ? (source ?? "") : "", value: value)
    }
}
