/// The ways Rapport can recognise a customer.
public enum IdentityKind: String, Sendable, Codable, CaseIterable, Comparable {
    case email
    /// A phone number in E.164.
    case phone
    /// A WhatsApp user id (`wa_id`): the phone number's digits without `+`.
    case whatsapp
    /// A Messenger page-scoped id (PSID).
    case messenger
    /// An Instagram-scoped id (IGSID).
    case instagram
    /// An id in another system (shop, CRM); its `source` names the system.
    case external
    /// A tracking id for a visitor not yet known.
    case anonymous

    public static func < (lhs: IdentityKind, rhs: IdentityKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
