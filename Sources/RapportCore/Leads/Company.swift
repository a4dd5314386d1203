import Foundation

/// A business the store sells to (an account): its name, web domain (unique in the workspace),
/// size band, country and industry — the fit a lead's score reads —, and who holds it. A
/// company is not a customer: its people are (`CompanyPerson`), and orders stay on them.
public struct Company: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    /// A host such as `example.com`, lower case, without `www.`.
    public var domain: String?
    public var size: CompanySize?
    /// ISO 3166-1 alpha-2, upper case.
    public var country: String?
    public var industry: String?
    public var ownerID: String?
    public var teamID: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, domain: String? = nil, size: CompanySize? = nil, country: String? = nil, industry: String? = nil,
        ownerID: String? = nil, teamID: String? = nil, createdBy: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.domain = domain
        self.size = size
        self.country = country
        self.industry = industry
        self.ownerID = ownerID
        self.teamID = teamID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
