import Foundation

/// Leads as the team works them: opened from an enquiry (a new one, or added to the person's
/// open lead), listed, changed (owner, team, company, status with a reason to disqualify) and
/// converted into a deal. Every step writes a line on the customer's timeline and a domain
/// event in the same transaction, so the timeline is the lead's history.
public struct LeadService: Sendable {

    let customers: CustomerService
    let deals: DealService
    var context: CoreContext { customers.context }
    var store: any DataStore { context.store }

    public init(customers: CustomerService, deals: DealService) {
        self.customers = customers
        self.deals = deals
    }

    public func list(filter: LeadFilter = LeadFilter(), page: PageRequest, as actor: Actor) async throws -> Page<Lead> {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.leads.leads(workspaceID: actor.workspaceID, filter: filter, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Lead {
        try actor.require(.viewSales)
        return try await store.read { session in try await Self.existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// Opens a lead for the person the enquiry names (found or made from their e-mail or phone,
    /// as a proven upsert), or adds the enquiry to their open lead; `created` tells which.
    public func enquire(_ enquiry: LeadEnquiry, as actor: Actor) async throws -> (lead: Lead, created: Bool) {
        try actor.require(.workLeads)
        var identities: [IdentityInput] = []
        if let email = enquiry.email { identities.append(IdentityInput(.email, value: email)) }
        if let phone = enquiry.phone { identities.append(IdentityInput(.phone, value: phone)) }
        if enquiry.role != nil && enquiry.companyID == nil && enquiry.companyName == nil && enquiry.companyDomain == nil {
            throw RapportError.invalid(field: "role", "is the person's role at a company: give company_id or company")
        }
        let person: PreparedUpsert?
        switch (enquiry.customerID, identities.isEmpty) {
        case (nil, true):
            throw RapportError.invalid(field: "customer_id", "is required, or an email or phone to find or make the customer by")
        case (.some, false):
            throw RapportError.invalid(field: "customer_id", "cannot come with an email or phone: give the customer or the way to find them")
        case (.some, true):
            if enquiry.firstName != nil || enquiry.lastName != nil {
                throw RapportError.invalid(field: "first_name", "goes with an email or phone: a customer_id's profile is changed through /api/v1/customers")
            }
            person = nil
        case (nil, false):
            person = try customers.prepare(
                CustomerInput(identities: identities, firstName: enquiry.firstName, lastName: enquiry.lastName), field: nil, provenance: .proven)
        }
        return try await context.writeRetryingConflicts { transaction in
            let customerID: String
            if let person {
                var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: actor.workspaceID, actor: actor.label)
                customerID = try await batch.run([person])[0].customer.id
            } else {
                customerID = enquiry.customerID ?? ""
            }
            return try await LeadOpening.open(enquiry, customerID: customerID, by: actor, in: transaction)
        }
    }

    public func update(id: String, _ change: LeadChange, as actor: Actor) async throws -> Lead {
        try actor.require(.workLeads)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            let before = try await Self.locked(id, workspaceID: actor.workspaceID, session: session)
            try SalesHolding.requireMayChange(ownerID: before.ownerID, teamID: before.teamID, as: actor, records: "leads")
            var lead = before
            if let title = change.title { lead.title = try title.flatMap { try DealRules.text($0, field: "title", maximum: LeadOpening.maximumTitleLength) } }
            if let campaign = change.campaign {
                lead.campaign = try campaign.flatMap { try DealRules.text($0, field: "campaign", maximum: LeadOpening.maximumCampaignLength) }
            }
            if let companyID = change.companyID {
                if let companyID { try await CompanyService.requireCompany(companyID, workspaceID: actor.workspaceID, session: session) }
                lead.companyID = companyID
            }
            if let ownerID = change.ownerID {
                if let ownerID { try await AssignmentCheck.owner(ownerID, mayDo: .workLeads, work: "work leads", actor: actor, session: session) }
                lead.ownerID = ownerID
            }
            if let teamID = change.teamID {
                if let teamID { try await AssignmentCheck.team(teamID, actor: actor, session: session) }
                lead.teamID = teamID
            }
            if let reason = change.disqualifiedReason {
                lead.disqualifiedReason = try reason.flatMap { try DealRules.text($0, field: "disqualified_reason", maximum: LeadOpening.maximumReasonLength) }
            }
            if let status = change.status, status != before.status {
                guard status != .converted else {
                    throw RapportError.invalid(field: "status", "cannot be set to converted: POST /api/v1/leads/\(id)/convert makes its deal")
                }
                guard before.status != .converted else { throw RapportError.conflict("The lead was converted into the deal \(before.dealID ?? "since deleted").") }
                if status.isOpen && !before.status.isOpen {
                    // Reopened: still one open lead a person (the customer is held, as an enquiry holds it).
                    if let open = try await session.leads.openLead(customerID: before.customerID, workspaceID: actor.workspaceID), open.id != id {
                        throw RapportError.conflict("The customer has an open lead already (\(open.id)): work that one, or disqualify it first.")
                    }
                }
                lead.status = status
            }
            if lead.status == .disqualified {
                guard lead.disqualifiedReason != nil else {
                    throw RapportError.invalid(field: "disqualified_reason", "is required to disqualify a lead (\"not a business\", \"too small\")")
                }
            } else if lead.status != before.status {
                lead.disqualifiedReason = nil
            } else if change.disqualifiedReason != nil && lead.disqualifiedReason != before.disqualifiedReason {
                throw RapportError.invalid(field: "disqualified_reason", "is only for a disqualified lead")
            }
            lead.updatedAt = now
            try await session.leads.update(lead)
            if lead.status != before.status {
                let summary = "Lead \(before.status.rawValue) → \(lead.status.rawValue)" + (lead.disqualifiedReason.map { ": \($0)" } ?? "")
                try await LeadOpening.timeline(lead, kind: .leadStatusChanged, summary: summary, source: lead.source, session: session, at: now)
                try await transaction.record(LeadEvent(.statusChanged(from: before.status), lead))
            }
            var details = ["fields": change.fieldNames.joined(separator: ",")]
            if lead.status != before.status { details["status"] = lead.status.rawValue }
            try await transaction.audit(AuditRecord(.leadUpdated, subject: .lead(id), details: details), by: actor)
            return lead
        }
    }

    /// Makes the lead's deal — about its customer and company, held by its owner and team unless
    /// `deal` says otherwise, titled after it — and marks it converted, in one transaction.
    public func convert(id: String, deal change: DealChange, as actor: Actor) async throws -> (lead: Lead, deal: Deal) {
        try actor.require(.workLeads)
        try actor.require(.workDeals)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            var lead = try await Self.locked(id, workspaceID: actor.workspaceID, session: session)
            try SalesHolding.requireMayChange(ownerID: lead.ownerID, teamID: lead.teamID, as: actor, records: "leads")
            guard lead.status.isOpen else {
                throw RapportError.conflict(
                    lead.status == .converted
                        ? "The lead was converted already, into the deal \(lead.dealID ?? "since deleted")."
                        : "The lead is disqualified: set its status back to working or qualified first.")
            }
            var change = change
            change.leadID = lead.id
            // What the lead carries, where it still stands (a deactivated owner, a deleted team is left out).
            if change.customerID == nil { change.customerID = .some(lead.customerID) }
            if change.companyID == nil, let company = lead.companyID { change.companyID = .some(company) }
            if change.ownerID == nil, let owner = lead.ownerID,
                (try? await AssignmentCheck.owner(owner, mayDo: .workDeals, work: "work deals", actor: actor, session: session)) != nil
            {
                change.ownerID = .some(owner)
            }
            if change.teamID == nil, let team = lead.teamID, (try? await AssignmentCheck.team(team, actor: actor, session: session)) != nil {
                change.teamID = .some(team)
            }
            if change.title == nil {
                change.title = try await defaultTitle(of: lead, session: session)
            }
            let deal = try await deals.create(change, as: actor, in: transaction)
            let previous = lead.status
            lead.status = .converted
            lead.dealID = deal.id
            lead.convertedAt = now
            lead.updatedAt = now
            try await session.leads.update(lead)
            try await LeadOpening.timeline(
                lead, kind: .leadConverted, summary: "Lead converted into the deal \(deal.title)", source: lead.source, session: session, at: now,
                extra: ["deal_id": .string(deal.id), "previous_status": .string(previous.rawValue)])
            try await transaction.record(LeadEvent(.converted, lead))
            try await transaction.audit(AuditRecord(.leadConverted, subject: .lead(id), details: ["deal": deal.id]), by: actor)
            return (lead, deal)
        }
    }

    // MARK: Rules

    static func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Lead {
        guard let lead = try await session.leads.lead(id: id, workspaceID: workspaceID) else { throw RapportError.notFound("No lead with id \(id.prefix(64)).") }
        return lead
    }

    /// The lead for a write, its customer held first and then the lead, in the order an enquiry
    /// takes them (PostgreSQL), so the two never wait for each other in a circle.
    static func locked(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Lead {
        guard let customerID = try await session.leads.customerID(ofLead: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No lead with id \(id.prefix(64)).")
        }
        try await session.customers.lockCustomers(ids: [customerID])
        let lead = try await existing(id, workspaceID: workspaceID, session: session)
        // A merge moved it meanwhile: its new customer is held too.
        if lead.customerID != customerID { try await session.customers.lockCustomers(ids: [lead.customerID]) }
        return lead
    }

    /// The lead's own title, else the company's name, else one naming the lead: never the
    /// person's name, which would outlive their erasure in the deal's title.
    private func defaultTitle(of lead: Lead, session: any StoreSession) async throws -> String {
        if let title = lead.title { return title }
        if let companyID = lead.companyID, let company = try await session.companies.company(id: companyID, workspaceID: lead.workspaceID) {
            return company.name
        }
        return "Deal from lead \(lead.id)"
    }
}
