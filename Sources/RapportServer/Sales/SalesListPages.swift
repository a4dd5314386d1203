import Foundation
import Hummingbird
import RapportCore

/// `/sales/deals` and `/sales/leads`: the deals and the leads as lists, for everyone who sees
/// sales, filtered by the query (deals: `pipeline_id`, `status`, `owner`; leads: `status`,
/// `source`, `owner`; `owner=me` is the signed-in user), newest first, 50 a page with `after`.
struct SalesListPages {
    static let pageSize = 50

    let pipelines: PipelineService
    let deals: DealService
    let leads: LeadService
    let scoring: LeadScoringService
    let inboxes: InboxService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("sales/deals", requiring: .viewSales, use: dealList)
        group.get("sales/leads", requiring: .viewSales, use: leadList)
    }

    @Sendable func dealList(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let query = request.uri.queryParameters
        let all = try await pipelines.pipelines(as: actor)
        let pipelineID = Self.id(query["pipeline_id"], .pipeline).flatMap { id in all.contains { $0.id == id } ? id : nil }
        let status = query["status"].flatMap { PipelineStageKind(rawValue: String($0)) }
        let owner = Self.owner(query["owner"], actor: actor)
        let after = Self.id(query["after"], .deal)
        let found = try await deals.list(
            filter: DealFilter(pipelineID: pipelineID, status: status, ownerID: owner.id), page: try PageRequest(limit: Self.pageSize, startingAfter: after),
            as: actor)
        let users = try await inboxes.agentNames(as: actor)
        let pipelineNames = Dictionary(all.map { ($0.id, $0.name) }) { first, _ in first }
        let stageNames = Dictionary(all.flatMap(\.stages).map { ($0.id, $0.name) }) { first, _ in first }
        let rows = found.items.map { deal in
            SalesListPageView.Row(id: deal.id, cells: [
                .init(text: deal.title, link: "/sales/deals/\(deal.id)", numeric: false),
                .init(text: pipelineNames[deal.pipelineID] ?? "", link: nil, numeric: false),
                .init(text: stageNames[deal.stageID] ?? "", link: nil, numeric: false),
                .init(text: deal.status.rawValue, link: nil, numeric: false),
                .init(text: WebFormat.money(deal.amount, deal.currency), link: nil, numeric: true),
                .init(text: deal.ownerID.map { users[$0] ?? $0 } ?? "–", link: nil, numeric: false),
                .init(text: deal.expectedCloseOn ?? "–", link: nil, numeric: false),
            ])
        }
        let filters = [
            SalesListPageView.Filter(
                name: "pipeline_id", label: "Pipeline",
                choices: [.init(value: "", name: "every pipeline", selected: pipelineID == nil)]
                    + all.map { .init(value: $0.id, name: $0.name, selected: $0.id == pipelineID) }),
            SalesListPageView.Filter(
                name: "status", label: "Status",
                choices: [.init(value: "", name: "any", selected: status == nil)]
                    + PipelineStageKind.allCases.map { .init(value: $0.rawValue, name: $0.rawValue, selected: $0 == status) }),
            Self.ownerFilter(owner.choice),
        ]
        let kept: [(String, String?)] = [("pipeline_id", pipelineID), ("status", status?.rawValue), ("owner", owner.choice)]
        let view = SalesListPageView(
            heading: "Deals", action: "/sales/deals", filters: filters,
            columns: ["Deal", "Pipeline", "Stage", "Status", "Amount", "Owner", "Expected to close"], rows: rows,
            next: found.hasMore ? found.items.last.map { "/sales/deals" + CampaignPages.query(kept + [("after", $0.id)]) } : nil,
            paged: after != nil, firstPage: "/sales/deals" + CampaignPages.query(kept))
        return try pages.render("sales_list", context, title: "Deals", section: "sales", view: view)
    }

    @Sendable func leadList(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { LeadStatus(rawValue: String($0)) }
        let source = query["source"].flatMap { LeadSource(rawValue: String($0)) }
        let owner = Self.owner(query["owner"], actor: actor)
        let after = Self.id(query["after"], .lead)
        let found = try await leads.list(
            filter: LeadFilter(status: status, source: source, ownerID: owner.id), page: try PageRequest(limit: Self.pageSize, startingAfter: after),
            as: actor)
        let users = try await inboxes.agentNames(as: actor)
        let scores = try await scoring.scores(of: found.items, as: actor)
        let rows = found.items.map { lead in
            SalesListPageView.Row(id: lead.id, cells: [
                .init(text: lead.title ?? "A lead from \(lead.source.rawValue)", link: "/customers/\(lead.customerID)", numeric: false),
                .init(text: lead.status.rawValue, link: lead.dealID.map { "/sales/deals/\($0)" }, numeric: false),
                .init(text: lead.source.rawValue, link: nil, numeric: false),
                .init(text: lead.campaign ?? "–", link: nil, numeric: false),
                .init(text: lead.ownerID.map { users[$0] ?? $0 } ?? "–", link: nil, numeric: false),
                .init(text: String(format: "%.1f", LeadScore.rounded(scores[lead.id] ?? 0)), link: nil, numeric: true),
                .init(text: "\(lead.enquiries)", link: nil, numeric: true),
                .init(text: WebFormat.time(lead.lastEnquiryAt), link: nil, numeric: false),
            ])
        }
        let filters = [
            SalesListPageView.Filter(
                name: "status", label: "Status",
                choices: [.init(value: "", name: "any", selected: status == nil)]
                    + LeadStatus.allCases.map { .init(value: $0.rawValue, name: $0.rawValue, selected: $0 == status) }),
            SalesListPageView.Filter(
                name: "source", label: "Source",
                choices: [.init(value: "", name: "any", selected: source == nil)]
                    + LeadSource.allCases.map { .init(value: $0.rawValue, name: $0.rawValue, selected: $0 == source) }),
            Self.ownerFilter(owner.choice),
        ]
        let kept: [(String, String?)] = [("status", status?.rawValue), ("source", source?.rawValue), ("owner", owner.choice)]
        let view = SalesListPageView(
            heading: "Leads", action: "/sales/leads", filters: filters,
            columns: ["Lead (the person's page)", "Status (the deal, once converted)", "Source", "Campaign", "Owner", "Score", "Enquiries", "Last enquiry"],
            rows: rows,
            next: found.hasMore ? found.items.last.map { "/sales/leads" + CampaignPages.query(kept + [("after", $0.id)]) } : nil,
            paged: after != nil, firstPage: "/sales/leads" + CampaignPages.query(kept))
        return try pages.render("sales_list", context, title: "Leads", section: "sales", view: view)
    }

    // MARK: Filters

    /// A well-formed id of the kind, or nil (an unknown one then finds nothing).
    private static func id(_ text: Substring?, _ prefix: IDPrefix) -> String? {
        text.map(String.init).flatMap { ResourceID.isValid($0, prefix: prefix) ? $0 : nil }
    }

    /// `owner=me`: the signed-in user's; anything else: everyone's.
    private static func owner(_ text: Substring?, actor: Actor) -> (id: String?, choice: String?) {
        guard text == "me", let userID = actor.userID else { return (nil, nil) }
        return (userID, "me")
    }

    private static func ownerFilter(_ choice: String?) -> SalesListPageView.Filter {
        SalesListPageView.Filter(
            name: "owner", label: "Owner",
            choices: [.init(value: "", name: "anyone", selected: choice == nil), .init(value: "me", name: "me", selected: choice == "me")])
    }
}
