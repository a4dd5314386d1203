/// A form that opens a lead (ADR 0015): each answer opens one on the visitor's profile, or adds
/// to their open lead, titled `title` (else the form's name) and kept with `campaign`.
public struct FormLead: Sendable, Equatable, Codable {
    public var title: String?
    public var campaign: String?

    public init(title: String? = nil, campaign: String? = nil) {
        self.title = title
        self.campaign = campaign
    }
}
