import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/leads`: listed (by status — `open` for new, working and qualified —, source, owner,
/// team, customer or company), opened from an enquiry (201, or 200 when it added to the
/// person's open lead), read, changed, and converted into a deal. Listed and read, a lead
/// carries its rule score now.
struct LeadRoutes {
    let leads: LeadService
    let scoring: LeadScoringService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("leads", requiring: .viewSales, use: list)
        group.post("leads", requiring: .workLeads) { request, context in
            let enquiry = try await LeadRequests.enquiry(of: request, context: context)
            let opened = try await leads.enquire(enquiry, as: context.actor)
            return try JSONResponse.make(try await scored(opened.lead, as: context.actor), status: opened.created ? .created : .ok)
        }
        group.get("leads/:id", requiring: .viewSales) { _, context in
            try JSONResponse.make(try await scored(try await leads.find(id: try PathID.require(context, .lead, "lead"), as: context.actor), as: context.actor))
        }
        group.patch("leads/:id", requiring: .workLeads) { request, context in
            let id = try PathID.require(context, .lead, "lead")
            let change = try await LeadRequests.change(of: request, context: context)
            return try JSONResponse.make(try await scored(try await leads.update(id: id, change, as: context.actor), as: context.actor))
        }
        group.post("leads/:id/convert", requiring: .workLeads) { request, context in
            let id = try PathID.require(context, .lead, "lead")
            let deal = try await DealRequests.change(of: request, context: context)
            let converted = try await leads.convert(id: id, deal: deal, as: context.actor)
            return try JSONResponse.make(LeadConversionResponse(lead: converted.lead, deal: converted.deal), status: .created)
        }
    }

    /// The lead as the API shows it, with its score now.
    private func scored(_ lead: Lead, as actor: Actor) async throws -> LeadResponse {
        LeadResponse(lead, score: try await scoring.scores(of: [lead], as: actor)[lead.id])
    }

    /// `?status=new|working|qualified|disqualified|converted|open&source=…&owner_id=…&team_id=…&customer_id=…&company_id=…`.
    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        var filter = LeadFilter()
        if let text = query.get("status"), !text.isEmpty {
            if text == "open" {
                filter.openOnly = true
            } else if let status = LeadStatus(rawValue: String(text)) {
                filter.status = status
            } else {
                throw RapportError.invalid(field: "status", "must be open or one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let text = query.get("source"), !text.isEmpty {
            guard let source = LeadSource(rawValue: String(text)) else {
                throw RapportError.invalid(field: "source", "must be one of \(LeadSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.source = source
        }
        filter.ownerID = try QueryID.read(query.get("owner_id"), .user, field: "owner_id")
        filter.teamID = try QueryID.read(query.get("team_id"), .team, field: "team_id")
        filter.customerID = try QueryID.read(query.get("customer_id"), .customer, field: "customer_id")
        filter.companyID = try QueryID.read(query.get("company_id"), .company, field: "company_id")
        let found = try await leads.list(filter: filter, page: page, as: context.actor)
        let scores = try await scoring.scores(of: found.items, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: found.items.map { LeadResponse($0, score: scores[$0.id]) }, hasMore: found.hasMore, lastID: found.items.last?.id))
    }
}
