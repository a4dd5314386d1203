/// A request to open a lead (or add to the person's open one): who — a customer by id, or the
/// e-mail, phone and name identity resolution finds or makes a profile from —, where it came
/// from, and optionally the company (by id, or by name and domain, found or made).
public struct LeadEnquiry: Sendable, Equatable {
    public var customerID: String?
    public var email: String?
    public var phone: String?
    public var firstName: String?
    public var lastName: String?
    public var companyID: String?
    public var companyName: String?
    public var companyDomain: String?
    /// Their role at the company ("buyer").
    public var role: String?
    public var source: LeadSource
    public var campaign: String?
    public var originID: String?
    public var title: String?
    public var ownerID: String??
    public var teamID: String??

    public init(
        customerID: String? = nil, email: String? = nil, phone: String? = nil, firstName: String? = nil, lastName: String? = nil, companyID: String? = nil,
        companyName: String? = nil, companyDomain: String? = nil, role: String? = nil, source: LeadSource = .api, campaign: String? = nil,
        originID: String? = nil, title: String? = nil, ownerID: String?? = nil, teamID: String?? = nil
    ) {
        self.customerID = customerID
        self.email = email
        self.phone = phone
        self.firstName = firstName
        self.lastName = lastName
        self.companyID = companyID
        self.companyName = companyName
        self.companyDomain = companyDomain
        self.role = role
        self.source = source
        self.campaign = campaign
        self.originID = originID
        self.title = title
        self.ownerID = ownerID
        self.teamID = teamID
    }
}
