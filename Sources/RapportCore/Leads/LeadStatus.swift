/// Where a lead stands: being looked at (`new`, `working`), ready for a deal (`qualified`),
/// set aside with a reason (`disqualified`), or become a deal (`converted`). The first three
/// are open: a new enquiry from the same person adds to an open lead.
public enum LeadStatus: String, Sendable, CaseIterable {
    case new, working, qualified, disqualified, converted

    public var isOpen: Bool { self == .new || self == .working || self == .qualified }
}
