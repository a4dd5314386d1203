/// Companies and their people.
public protocol CompanyRepository: Sendable {
    func company(id: String, workspaceID: String) async throws -> Company?
    func company(domain: String, workspaceID: String) async throws -> Company?
    /// The oldest company of this name, letter case aside (as the engine folds it: SQLite only
    /// ASCII letters).
    func company(named name: String, workspaceID: String) async throws -> Company?
    func companies(workspaceID: String, filter: CompanyFilter, page: PageRequest) async throws -> Page<Company>
    func insert(_ company: Company) async throws
    func update(_ company: Company) async throws
    func delete(companyID: String, workspaceID: String) async throws
    /// Whether a deal or a lead names the company.
    func isNamed(companyID: String, workspaceID: String) async throws -> Bool
    /// The company's people, primary first, then by when they were added; not those merged
    /// into another profile (whose place stays with them when the survivor has one there).
    func people(companyID: String, workspaceID: String) async throws -> [CompanyPerson]
    /// Adds the person or changes their role; a primary one makes the others not primary.
    func save(_ person: CompanyPerson, workspaceID: String) async throws
    /// Whether they were there.
    func remove(customerID: String, companyID: String, workspaceID: String) async throws -> Bool
    /// The companies the customer is at.
    func places(customerID: String, workspaceID: String) async throws -> [CompanyPerson]
}
