import Foundation

/// Opening a lead, or adding an enquiry to the person's open lead, inside a caller's
/// transaction: the API's enquiries, tracked `Lead Created` calls, forms and the other sources
/// all come through here with their own actor. Also the lead's lines on the timeline.
enum LeadOpening {
    static let maximumTitleLength = 200
    static let maximumCampaignLength = 200
    static let maximumReasonLength = 500

    /// The enquiry's own fields checked, as `open` checks them (an import checks its rows first).
    static func check(_ enquiry: LeadEnquiry) throws {
        _ = try DealRules.text(enquiry.title, field: "title", maximum: maximumTitleLength)
        _ = try DealRules.text(enquiry.campaign, field: "campaign", maximum: maximumCampaignLength)
        _ = try DealRules.text(enquiry.role, field: "role", maximum: CompanyRules.maximumRoleLength)
        _ = try enquiry.companyName.map(CompanyRules.name)
        _ = try enquiry.companyDomain.map(CompanyRules.domain)
    }

    /// Opens a lead for the customer, or adds the enquiry to their open lead (`created` false):
    /// counted there, with the title, campaign and company the lead lacks (its owner, team and
    /// origin stay the first enquiry's). Every refusal (`RapportError.invalid`) comes before any
    /// write.
    static func open(_ enquiry: LeadEnquiry, customerID: String, by actor: Actor, in transaction: WriteTransaction) async throws -> (lead: Lead, created: Bool) {
        let session = transaction.session
        let now = transaction.now
        let title = try DealRules.text(enquiry.title, field: "title", maximum: maximumTitleLength)
        let campaign = try DealRules.text(enquiry.campaign, field: "campaign", maximum: maximumCampaignLength)
        let role = try DealRules.text(enquiry.role, field: "role", maximum: CompanyRules.maximumRoleLength)
        if let ownerID = enquiry.ownerID ?? nil {
            try await AssignmentCheck.owner(ownerID, mayDo: .workLeads, work: "work leads", actor: actor, session: session)
        }
        if let teamID = enquiry.teamID ?? nil { try await AssignmentCheck.team(teamID, actor: actor, session: session) }
        // One open lead a person: the customer's row is held first (before anything that takes
        // a lock on it), so two enquiries at once take turns; then the person must be live.
        try await session.customers.lockCustomers(ids: [customerID])
        try await AssignmentCheck.customer(customerID, actor: actor, session: session)
        var company: Company?
        if let companyID = enquiry.companyID {
            company = try await CompanyService.requireCompany(companyID, workspaceID: actor.workspaceID, session: session)
        } else {
            company = try await CompanyService.findOrMake(name: enquiry.companyName, domain: enquiry.companyDomain, actor: actor, transaction: transaction)
        }
        if let company {
            let places = try await session.companies.places(customerID: customerID, workspaceID: actor.workspaceID)
            if !places.contains(where: { $0.companyID == company.id }) || role != nil {
                var place = places.first { $0.companyID == company.id } ?? CompanyPerson(companyID: company.id, customerID: customerID, addedAt: now)
                if let role { place.role = role }
                try await session.companies.save(place, workspaceID: actor.workspaceID)
            }
        }
        if var lead = try await session.leads.openLead(customerID: customerID, workspaceID: actor.workspaceID) {
            lead.enquiries += 1
            lead.lastEnquiryAt = now
            // What the lead lacks comes from the enquiry, unless the lead is another rep's.
            if (try? SalesHolding.requireMayChange(ownerID: lead.ownerID, teamID: lead.teamID, as: actor, records: "leads")) != nil {
                if lead.companyID == nil { lead.companyID = company?.id }
                if lead.title == nil { lead.title = title }
                if lead.campaign == nil { lead.campaign = campaign }
            }
            lead.updatedAt = now
            try await session.leads.update(lead)
            try await timeline(lead, kind: .leadEnquiry, summary: "Asked again" + (title.map { ": \($0)" } ?? ""), source: enquiry.source, session: session, at: now)
            try await transaction.audit(AuditRecord(.leadUpdated, subject: .lead(lead.id), details: ["enquiry": enquiry.source.rawValue]), by: actor)
            return (lead, false)
        }
        var lead = Lead(
            id: ResourceID.make(.lead, at: now), workspaceID: actor.workspaceID, customerID: customerID, companyID: company?.id, source: enquiry.source,
            campaign: campaign, originID: enquiry.originID, title: title, status: .new, lastEnquiryAt: now, createdBy: actor.label, createdAt: now,
            updatedAt: now)
        if let ownerID = enquiry.ownerID {
            lead.ownerID = ownerID
        } else if actor.role == .agent {
            lead.ownerID = actor.userID
        }
        if let teamID = enquiry.teamID { lead.teamID = teamID }
        try await session.leads.insert(lead)
        let summary = "New lead from \(enquiry.source.rawValue)" + (title.map { ": \($0)" } ?? "")
        try await timeline(lead, kind: .leadCreated, summary: summary, source: enquiry.source, session: session, at: now)
        // After the round being handled: a journey hears the conversation or the answer before the lead it opened.
        try await transaction.recordAfterThisRound([LeadEvent(.created, lead)])
        try await transaction.audit(AuditRecord(.leadCreated, subject: .lead(lead.id), details: ["source": enquiry.source.rawValue]), by: actor)
        return (lead, true)
    }

    static func timeline(
        _ lead: Lead, kind: InteractionKind, summary: String, source: LeadSource, session: any StoreSession, at now: Date, extra: [String: JSONValue] = [:]
    ) async throws {
        var payload: [String: JSONValue] = ["lead_id": .string(lead.id), "status": .string(lead.status.rawValue), "source": .string(source.rawValue)]
        payload.merge(extra) { _, new in new }
        try await session.interactions.insert([
            Interaction(
                id: ResourceID.make(.interaction, at: now), workspaceID: lead.workspaceID, customerID: lead.customerID, channel: source.channel,
                direction: kind == .leadCreated || kind == .leadEnquiry ? .inbound : .internal, kind: kind, summary: String(summary.prefix(300)),
                occurredAt: now, payload: .object(payload), createdAt: now)
        ])
    }
}
