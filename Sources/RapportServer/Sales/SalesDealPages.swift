import Foundation
import Hummingbird
import RapportCore

/// `/sales/deals/{id}`: a deal's page for everyone who sees sales: its facts, a "Move to…" form
/// for those who may change it, the stage moves it made, its tasks (done from the page by those
/// who work tasks), its meetings, and, for those who read conversations, its customer's.
struct SalesDealPages {
    static let listed = 25
    static let shownMoves = 100

    let pipelines: PipelineService
    let deals: DealService
    let tasks: WorkTaskService
    let meetings: MeetingService
    let companies: CompanyService
    let conversations: ConversationService
    let inboxes: InboxService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("sales/deals/:id", requiring: .viewSales, use: show)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await render(
            context, id: try PathID.require(context, .deal, "deal"),
            notice: done == "moved" ? "The deal is moved." : done == "completed" ? "The task is done." : nil, error: nil)
    }

    /// The page, with a notice or the reason a move or a task's completion from it was refused.
    func render(_ context: SignedInRequestContext, id: String, notice: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor
        let deal = try await deals.find(id: id, as: actor)
        let pipeline = try await pipelines.find(id: deal.pipelineID, as: actor).pipeline
        let users = try await inboxes.agentNames(as: actor)
        let stageNames = Dictionary(pipeline.stages.map { ($0.id, $0.name) }) { first, _ in first }
        let person = { (label: String) in label.hasPrefix("user:") ? users[String(label.dropFirst(5))] ?? "a former user" : "Rapport (\(label))" }

        var facts = [
            SalesDealPageView.Fact(label: "Pipeline", value: pipeline.name, link: "/sales?pipeline_id=\(pipeline.id)#deal-\(deal.id)"),
            SalesDealPageView.Fact(label: "Stage", value: stageNames[deal.stageID] ?? deal.stageID, link: nil),
            SalesDealPageView.Fact(label: "Amount", value: WebFormat.money(deal.amount, deal.currency), link: nil),
        ]
        if let owner = deal.ownerID { facts.append(.init(label: "Owner", value: users[owner] ?? owner, link: nil)) }
        if let customer = deal.customerID { facts.append(.init(label: "Customer", value: "The customer's page", link: "/customers/\(customer)")) }
        if let companyID = deal.companyID, let company = try? await companies.find(id: companyID, as: actor) {
            facts.append(.init(label: "Company", value: company.name, link: nil))
        }
        if let next = deal.nextStep { facts.append(.init(label: "Next step", value: next, link: nil)) }
        if let closes = deal.expectedCloseOn { facts.append(.init(label: "Expected to close", value: closes, link: nil)) }
        if let reason = deal.closeReason { facts.append(.init(label: deal.status == .won ? "Won because" : "Closed because", value: reason, link: nil)) }
        facts.append(.init(label: "Made", value: WebFormat.time(deal.createdAt), link: nil))

        let latestMoves = try await deals.latestMoves(id: deal.id, limit: Self.shownMoves + 1, as: actor)
        let moves = latestMoves.prefix(Self.shownMoves).map { move in
            SalesDealPageView.Move(
                from: move.fromStageID.map { stageNames[$0] ?? "another pipeline" } ?? "made", to: stageNames[move.toStageID] ?? "another pipeline",
                when: WebFormat.time(move.movedAt), whenISO: WebFormat.iso(move.movedAt), by: person(move.movedBy))
        }
        // The newest open tasks by due time, then the newest of the others in what room is left;
        // a task read in both (completed between the two reads) shows once.
        let open = try await tasks.list(
            filter: WorkTaskFilter(status: .open, dealID: deal.id), page: try PageRequest(limit: Self.listed, startingAfter: nil), as: actor)
        var shown = open.items.sorted { ($0.dueAt ?? .distantFuture, $0.id) < ($1.dueAt ?? .distantFuture, $1.id) }
        let all = try await tasks.list(filter: WorkTaskFilter(dealID: deal.id), page: try PageRequest(limit: Self.listed * 2, startingAfter: nil), as: actor)
        let openIDs = Set(shown.map(\.id))
        let others = all.items.filter { $0.status != .open && !openIDs.contains($0.id) }
        let room = max(Self.listed - shown.count, 0)
        shown += others.prefix(room)
        let moreTasks = open.hasMore || all.hasMore || others.count > room
        let taskRows = shown
            .map { task in
                SalesDealPageView.Task(
                    id: task.id, title: task.title, kind: task.kind.rawValue, status: task.status.rawValue, due: task.dueAt.map(WebFormat.time),
                    open: task.status == .open)
            }
        let meetingPage = try await meetings.list(filter: MeetingFilter(dealID: deal.id), page: try PageRequest(limit: Self.listed, startingAfter: nil), as: actor)
        let meetingRows = meetingPage.items.sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }.map { meeting in
            SalesDealPageView.Meeting(
                id: meeting.id, title: meeting.title, starts: WebFormat.time(meeting.startsAt), startsISO: WebFormat.iso(meeting.startsAt),
                status: meeting.status.rawValue)
        }
        let showsConversations = actor.may(.readConversations) && deal.customerID != nil
        var conversationRows: [SalesDealPageView.Conversation] = []
        if showsConversations, let customerID = deal.customerID {
            var filter = ConversationFilter()
            filter.customerID = customerID
            conversationRows = try await conversations.conversations(filter: filter, page: try PageRequest(limit: 10, startingAfter: nil), as: actor).items.map {
                SalesDealPageView.Conversation(
                    id: $0.id, subject: $0.subject ?? "(no subject)", channel: WebFormat.channelName($0.channel), status: $0.status.rawValue,
                    last: WebFormat.time($0.lastMessageAt))
            }
        }
        let view = SalesDealPageView(
            id: deal.id, title: deal.title, status: deal.status.rawValue, pipelineID: pipeline.id, facts: facts,
            stages: pipeline.stages.map { SalesDealPageView.Choice(id: $0.id, name: $0.name, selected: $0.id == deal.stageID) },
            mayMove: DealService.mayChange(deal, as: actor), mayCompleteTasks: actor.may(.workTasks), moves: moves,
            moreMoves: latestMoves.count > Self.shownMoves, tasks: taskRows, moreTasks: moreTasks, meetings: meetingRows, moreMeetings: meetingPage.hasMore,
            showsConversations: showsConversations, conversations: conversationRows, notice: notice, error: error)
        return try pages.render("sales_deal", context, title: deal.title, section: "sales", view: view, status: status)
    }
}
