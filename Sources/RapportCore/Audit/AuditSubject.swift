/// What an audit entry is about: a kind (`customer`, `user`, `api_key`, …) and an id. The log
/// stores the id's digest beside it; an erasure blanks the id and keeps the digest, so the
/// chain still verifies and the entry still counts, naming no one.
public struct AuditSubject: Sendable, Equatable {
    public var kind: String
    public var id: String
    /// False when only the digest may be stored: the entry of an erasure.
    public var retainsID: Bool

    public init(kind: String, id: String, retainsID: Bool = true) {
        self.kind = kind
        self.id = id
        self.retainsID = retainsID
    }

    public static func customer(_ id: String) -> AuditSubject { AuditSubject(kind: "customer", id: id) }
    /// An erased customer: the entry keeps the digest, not the id.
    public static func erasedCustomer(_ id: String) -> AuditSubject { AuditSubject(kind: "customer", id: id, retainsID: false) }
    public static func user(_ id: String) -> AuditSubject { AuditSubject(kind: "user", id: id) }
    public static func apiKey(_ id: String) -> AuditSubject { AuditSubject(kind: "api_key", id: id) }
    public static func inbox(_ id: String) -> AuditSubject { AuditSubject(kind: "inbox", id: id) }
    public static func team(_ id: String) -> AuditSubject { AuditSubject(kind: "team", id: id) }
    public static func source(_ id: String) -> AuditSubject { AuditSubject(kind: "source", id: id) }
    public static func webhook(_ id: String) -> AuditSubject { AuditSubject(kind: "webhook", id: id) }
    public static func orderReturn(_ id: String) -> AuditSubject { AuditSubject(kind: "return", id: id) }
    public static func workspace(_ id: String) -> AuditSubject { AuditSubject(kind: "workspace", id: id) }
    public static func segment(_ id: String) -> AuditSubject { AuditSubject(kind: "segment", id: id) }
    public static func campaign(_ id: String) -> AuditSubject { AuditSubject(kind: "campaign", id: id) }
    public static func journey(_ id: String) -> AuditSubject { AuditSubject(kind: "journey", id: id) }
    public static func task(_ id: String) -> AuditSubject { AuditSubject(kind: "task", id: id) }
    public static func pipeline(_ id: String) -> AuditSubject { AuditSubject(kind: "pipeline", id: id) }
    public static func meeting(_ id: String) -> AuditSubject { AuditSubject(kind: "meeting", id: id) }
    public static func calendarFeed(_ id: String) -> AuditSubject { AuditSubject(kind: "calendar_feed", id: id) }
    public static func deal(_ id: String) -> AuditSubject { AuditSubject(kind: "deal", id: id) }
    public static func company(_ id: String) -> AuditSubject { AuditSubject(kind: "company", id: id) }
    public static func lead(_ id: String) -> AuditSubject { AuditSubject(kind: "lead", id: id) }
    public static func leadScoringRule(_ id: String) -> AuditSubject { AuditSubject(kind: "lead_scoring_rule", id: id) }
    public static func review(_ id: String) -> AuditSubject { AuditSubject(kind: "review", id: id) }
    public static func product(_ id: String) -> AuditSubject { AuditSubject(kind: "product", id: id) }
    public static func form(_ id: String) -> AuditSubject { AuditSubject(kind: "form", id: id) }
}
