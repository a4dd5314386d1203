import Foundation

/// Companies (the store's business accounts) and their people: listed and read by everyone,
/// made, changed and deleted by the reps (an agent those they hold, their team's and unheld
/// ones), each change audited. A domain names one company of the workspace.
public struct CompanyService: Sendable {
    let context: CoreContext
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(filter: CompanyFilter = CompanyFilter(), page: PageRequest, as actor: Actor) async throws -> Page<Company> {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.companies.companies(workspaceID: actor.workspaceID, filter: filter, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Company {
        try actor.require(.viewSales)
        return try await store.read { session in try await Self.existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    public func create(_ change: CompanyChange, as actor: Actor) async throws -> Company {
        try actor.require(.workLeads)
        guard change.name != nil else { throw RapportError.invalid(field: "name", "is required: 1 to \(CompanyRules.maximumNameLength) characters") }
        return try await context.writeRetryingConflicts { transaction in
            let now = transaction.now
            var company = Company(
                id: ResourceID.make(.company, at: now), workspaceID: actor.workspaceID, name: "", ownerID: actor.role == .marketer ? nil : actor.userID,
                createdBy: actor.label, createdAt: now, updatedAt: now)
            try await Self.apply(change, to: &company, by: actor, session: transaction.session)
            try await Self.requireFreeDomain(company, session: transaction.session)
            try await transaction.session.companies.insert(company)
            try await transaction.audit(AuditRecord(.companyCreated, subject: .company(company.id), details: ["name": company.name]), by: actor)
            return company
        }
    }

    public func update(id: String, _ change: CompanyChange, as actor: Actor) async throws -> Company {
        try actor.require(.workLeads)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            var company = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            try SalesHolding.requireMayChange(ownerID: company.ownerID, teamID: company.teamID, as: actor, records: "companies")
            let before = company
            try await Self.apply(change, to: &company, by: actor, session: session)
            if company.domain != before.domain { try await Self.requireFreeDomain(company, session: session) }
            company.updatedAt = transaction.now
            try await session.companies.update(company)
            try await transaction.audit(
                AuditRecord(.companyUpdated, subject: .company(id), details: ["fields": change.fieldNames.joined(separator: ",")]), by: actor)
            return company
        }
    }

    /// Deletes the company and its people's places there; its deals and leads stay, without it.
    /// An agent deletes only a company no deal or lead names (others' work would lose it).
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.workLeads)
        try await context.writeRetryingConflicts { transaction in
            let company = try await Self.existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            try SalesHolding.requireMayChange(ownerID: company.ownerID, teamID: company.teamID, as: actor, records: "companies")
            if actor.role == .agent, try await transaction.session.companies.isNamed(companyID: id, workspaceID: actor.workspaceID) {
                throw RapportError.forbidden("Deals or leads name this company: a manager or an admin may delete it.")
            }
            try await transaction.session.companies.delete(companyID: id, workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(.companyDeleted, subject: .company(id), details: ["name": company.name]), by: actor)
        }
    }

    public func people(companyID: String, as actor: Actor) async throws -> [CompanyPerson] {
        try actor.require(.viewSales)
        return try await store.read { session in
            _ = try await Self.existing(companyID, workspaceID: actor.workspaceID, session: session)
            return try await session.companies.people(companyID: companyID, workspaceID: actor.workspaceID)
        }
    }

    /// Adds a customer to the company, or changes their role or whether they are its primary
    /// contact (one primary: naming another takes it from the first).
    public func savePerson(customerID: String, role: String??, isPrimary: Bool?, companyID: String, as actor: Actor) async throws -> CompanyPerson {
        try actor.require(.workLeads)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let company = try await Self.existing(companyID, workspaceID: actor.workspaceID, session: session)
            try SalesHolding.requireMayChange(ownerID: company.ownerID, teamID: company.teamID, as: actor, records: "companies")
            try await AssignmentCheck.customer(customerID, actor: actor, session: session)
            let current = try await session.companies.people(companyID: companyID, workspaceID: actor.workspaceID).first { $0.customerID == customerID }
            var person = current ?? CompanyPerson(companyID: companyID, customerID: customerID, addedAt: transaction.now)
            if let role { person.role = try DealRules.text(role, field: "role", maximum: CompanyRules.maximumRoleLength) }
            if let isPrimary { person.isPrimary = isPrimary }
            try await session.companies.save(person, workspaceID: actor.workspaceID)
            try await transaction.audit(
                AuditRecord(.companyPersonSaved, subject: .customer(customerID), details: ["company": companyID, "primary": String(person.isPrimary)]), by: actor)
            return person
        }
    }

    public func removePerson(customerID: String, companyID: String, as actor: Actor) async throws {
        try actor.require(.workLeads)
        try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let company = try await Self.existing(companyID, workspaceID: actor.workspaceID, session: session)
            try SalesHolding.requireMayChange(ownerID: company.ownerID, teamID: company.teamID, as: actor, records: "companies")
            guard try await session.companies.remove(customerID: customerID, companyID: companyID, workspaceID: actor.workspaceID) else {
                throw RapportError.notFound("The customer \(customerID.prefix(64)) is not at this company.")
            }
            try await transaction.audit(AuditRecord(.companyPersonRemoved, subject: .customer(customerID), details: ["company": companyID]), by: actor)
        }
    }

    // MARK: Rules

    static func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Company {
        guard let company = try await session.companies.company(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No company with id \(id.prefix(64)).")
        }
        return company
    }

    /// The company a deal's or a lead's `company_id` names; refused when it names none of the
    /// workspace's.
    @discardableResult
    static func requireCompany(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Company {
        guard let company = try await session.companies.company(id: id, workspaceID: workspaceID) else {
            throw RapportError.invalid(field: "company_id", "names no company of this workspace (\(id.prefix(64)))")
        }
        return company
    }

    /// The company an enquiry names, in the caller's transaction: the one of its domain; else
    /// one of its name (given the domain when it had none); else a new one, named by the name or
    /// the domain. Nil when the enquiry names no company.
    static func findOrMake(name: String?, domain: String?, actor: Actor, transaction: WriteTransaction) async throws -> Company? {
        let session = transaction.session
        let domain = try domain.map(CompanyRules.domain)
        let name = try name.map(CompanyRules.name)
        if let domain, let found = try await session.companies.company(domain: domain, workspaceID: actor.workspaceID) { return found }
        guard let label = name ?? domain else { return nil }
        let now = transaction.now
        if let name, var found = try await session.companies.company(named: name, workspaceID: actor.workspaceID) {
            guard let domain else { return found }
            if found.domain == nil {
                found.domain = domain
                found.updatedAt = now
                try await session.companies.update(found)
                return found
            }
        }
        let company = Company(
            id: ResourceID.make(.company, at: now), workspaceID: actor.workspaceID, name: label, domain: domain, createdBy: actor.label, createdAt: now,
            updatedAt: now)
        try await session.companies.insert(company)
        try await transaction.audit(AuditRecord(.companyCreated, subject: .company(company.id), details: ["name": company.name]), by: actor)
        return company
    }

    private static func requireFreeDomain(_ company: Company, session: any StoreSession) async throws {
        guard let domain = company.domain, let other = try await session.companies.company(domain: domain, workspaceID: company.workspaceID),
            other.id != company.id
        else { return }
        throw RapportError.conflict("The company \(other.id) has the domain \(domain) already.")
    }

    private static func apply(_ change: CompanyChange, to company: inout Company, by actor: Actor, session: any StoreSession) async throws {
        if let name = change.name { company.name = try CompanyRules.name(name) }
        if let domain = change.domain { company.domain = try domain.map(CompanyRules.domain) }
        if let size = change.size { company.size = size }
        if let country = change.country { company.country = try country.map(CompanyRules.country) }
        if let industry = change.industry {
            company.industry = try DealRules.text(industry, field: "industry", maximum: CompanyRules.maximumIndustryLength)
        }
        if let ownerID = change.ownerID {
            if let ownerID { try await AssignmentCheck.owner(ownerID, mayDo: .workLeads, work: "work leads", actor: actor, session: session) }
            company.ownerID = ownerID
        }
        if let teamID = change.teamID {
            if let teamID { try await AssignmentCheck.team(teamID, actor: actor, session: session) }
            company.teamID = teamID
        }
    }
}
