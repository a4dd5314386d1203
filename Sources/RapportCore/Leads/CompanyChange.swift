/// What someone sets on a company (made or changed); nil leaves a field as it is, `.some(nil)`
/// clears it.
public struct CompanyChange: Sendable, Equatable {
    public var name: String?
    public var domain: String??
    public var size: CompanySize??
    public var country: String??
    public var industry: String??
    public var ownerID: String??
    public var teamID: String??

    public init(
        name: String? = nil, domain: String?? = nil, size: CompanySize?? = nil, country: String?? = nil, industry: String?? = nil, ownerID: String?? = nil,
        teamID: String?? = nil
    ) {
        self.name = name
        self.domain = domain
        self.size = size
        self.country = country
        self.industry = industry
        self.ownerID = ownerID
        self.teamID = teamID
    }

    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [
            name.map { _ in "name" }, domain.map { _ in "domain" }, size.map { _ in "size" }, country.map { _ in "country" },
            industry.map { _ in "industry" }, ownerID.map { _ in "owner_id" }, teamID.map { _ in "team_id" },
        ].compactMap { $0 }
    }
}
