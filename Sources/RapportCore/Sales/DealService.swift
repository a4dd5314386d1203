import Foundation

/// Deals as the team works them: listed, made, moved between stages and within one, won, lost,
/// reopened, changed and deleted (each audited). Every write moves the kept stage totals in the
/// same transaction and records a stage move when the stage changes. Agents (the reps) change
/// their own deals, their team's and those no one holds; everyone reads them all.
public struct DealService: Sendable {
    /// The gap between two cards' positions below which the stage is renumbered.
    static let smallestGap = 1e-6
    static let spacing = 1024.0

    let context: CoreContext
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(filter: DealFilter = DealFilter(), page: PageRequest, as actor: Actor) async throws -> Page<Deal> {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.sales.deals(workspaceID: actor.workspaceID, filter: filter, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Deal {
        try actor.require(.viewSales)
        return try await store.read { session in try await Self.existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// The stages the deal went through, oldest first.
    public func moves(id: String, as actor: Actor) async throws -> [DealStageMove] {
        try actor.require(.viewSales)
        return try await store.read { session in
            _ = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            return try await session.sales.moves(dealID: id, workspaceID: actor.workspaceID)
        }
    }

    /// The deal's latest `limit` stage moves (1 to 1,000), newest first.
    public func latestMoves(id: String, limit: Int, as actor: Actor) async throws -> [DealStageMove] {
        try actor.require(.viewSales)
        return try await store.read { session in
            _ = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            return try await session.sales.latestMoves(dealID: id, workspaceID: actor.workspaceID, limit: min(max(limit, 1), 1_000))
        }
    }

    /// A deal from `change`, which must give a title. Without a pipeline it goes on the
    /// workspace's first; without a stage, into the pipeline's first open stage, at the top;
    /// without an owner, to the user making it.
    public func create(_ change: DealChange, as actor: Actor) async throws -> Deal {
        try actor.require(.workDeals)
        guard change.title != nil else { throw RapportError.invalid(field: "title", "is required: 1 to \(DealRules.maximumTitleLength) characters") }
        return try await context.writeRetryingConflicts { transaction in try await create(change, as: actor, in: transaction) }
    }

    /// A deal made in the caller's transaction (a lead's conversion writes it with the lead).
    func create(_ change: DealChange, as actor: Actor, in transaction: WriteTransaction) async throws -> Deal {
        let session = transaction.session
        let now = transaction.now
        var pipeline = try await pipeline(change.pipelineID, workspaceID: actor.workspaceID, session: session)
        if pipeline.currency == nil, let given = change.currency {
            // The first deal sets the currency of a pipeline made without one (if no other did first).
            try await session.sales.setCurrencyIfUnset(try DealRules.currency(given), pipelineID: pipeline.id, workspaceID: actor.workspaceID, at: now)
            pipeline = try await self.pipeline(pipeline.id, workspaceID: actor.workspaceID, session: session)
        }
        guard let currency = try change.currency.map(DealRules.currency) ?? pipeline.currency else {
            throw RapportError.invalid(field: "currency", "is required: the pipeline has no currency yet (an ISO 4217 code such as EUR)")
        }
        let first = try stage(change, in: pipeline, current: nil)
        var deal = Deal(
            id: ResourceID.make(.deal, at: now), workspaceID: actor.workspaceID, pipelineID: pipeline.id, stageID: first.id, title: "", currency: currency,
            ownerID: actor.userID, leadID: change.leadID, status: first.kind, stageEnteredAt: now, closedAt: first.kind == .open ? nil : now,
            createdBy: actor.label, createdAt: now, updatedAt: now)
        try await Self.apply(change, to: &deal, by: actor, session: session)
        deal.position = try await position(change.placement ?? .top, dealID: deal.id, stageID: deal.stageID, session: session)
        try await session.sales.insert([deal])
        try await session.sales.record([
            DealStageMove(
                id: ResourceID.make(.dealStageMove, at: now), workspaceID: actor.workspaceID, dealID: deal.id, pipelineID: pipeline.id, fromStageID: nil,
                toStageID: deal.stageID, movedAt: now, movedBy: actor.label)
        ])
        try await session.sales.moveTotals([.of(deal, sign: 1)])
        var details = ["stage": first.name]
        if let lead = change.leadID { details["lead"] = lead }
        try await transaction.audit(AuditRecord(.dealCreated, subject: .deal(deal.id), details: details), by: actor)
        return deal
    }

    /// Sets what `change` gives: a new stage (or status) moves the deal there, records the move
    /// and moves both stages' totals; a placement moves its card within its stage.
    public func update(id: String, _ change: DealChange, as actor: Actor) async throws -> Deal {
        try actor.require(.workDeals)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            let before = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            try Self.requireMayChange(before, as: actor)
            var deal = before
            if let other = change.pipelineID, other != before.pipelineID {
                // Both pipelines held, in id order, so two transfers the other way round cannot deadlock.
                for held in [other, before.pipelineID].sorted() { try await session.sales.holdPipeline(id: held, workspaceID: actor.workspaceID) }
            }
            var pipeline = try await pipeline(change.pipelineID ?? before.pipelineID, workspaceID: actor.workspaceID, session: session)
            if pipeline.currency == nil {
                try await session.sales.setCurrencyIfUnset(
                    try change.currency.map(DealRules.currency) ?? before.currency, pipelineID: pipeline.id, workspaceID: actor.workspaceID, at: now)
                pipeline = try await self.pipeline(pipeline.id, workspaceID: actor.workspaceID, session: session)
            }
            let target: PipelineStage
            if change.pipelineID != nil || change.stage != nil || change.status != nil {
                let reopening = change.status == .open && before.status != .open && change.stage == nil && pipeline.id == before.pipelineID
                target = reopening
                    ? try await reopenStage(of: before, in: pipeline, session: session)
                    : try stage(change, in: pipeline, current: pipeline.id == before.pipelineID ? before.stageID : nil)
            } else {
                guard let current = pipeline.stage(id: before.stageID) else { throw RapportError.conflict("The deal's stage is gone.") }
                target = current
            }
            deal.pipelineID = pipeline.id
            if target.id != before.stageID {
                deal.stageID = target.id
                deal.status = target.kind
                deal.stageEnteredAt = now
                deal.closedAt = target.kind == .open ? nil : (before.status == target.kind ? before.closedAt : now)
                if target.kind == .open && change.closeReason == nil { deal.closeReason = nil }
            }
            try await Self.apply(change, to: &deal, by: actor, session: session)
            if deal.stageID != before.stageID || change.placement != nil {
                deal.position = try await position(change.placement ?? .top, dealID: deal.id, stageID: deal.stageID, session: session)
            }
            deal.updatedAt = now
            try await session.sales.update(deal)
            if deal.stageID != before.stageID {
                try await session.sales.record([
                    DealStageMove(
                        id: ResourceID.make(.dealStageMove, at: now), workspaceID: actor.workspaceID, dealID: id, pipelineID: deal.pipelineID,
                        fromStageID: before.stageID, toStageID: deal.stageID, movedAt: now, movedBy: actor.label)
                ])
            }
            if deal.stageID != before.stageID || deal.currency != before.currency || deal.amount != before.amount {
                try await session.sales.moveTotals([.of(before, sign: -1), .of(deal, sign: 1)])
            }
            var details = ["fields": change.fieldNames.joined(separator: ",")]
            if deal.stageID != before.stageID { details["stage"] = target.name }
            if deal.status != before.status { details["status"] = deal.status.rawValue }
            try await transaction.audit(AuditRecord(.dealUpdated, subject: .deal(id), details: details), by: actor)
            return deal
        }
    }

    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.workDeals)
        try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let deal = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            try Self.requireMayChange(deal, as: actor)
            try await session.sales.delete(dealID: id, workspaceID: actor.workspaceID)
            try await session.sales.moveTotals([.of(deal, sign: -1)])
            try await transaction.audit(AuditRecord(.dealDeleted, subject: .deal(id), details: ["pipeline": deal.pipelineID]), by: actor)
        }
    }

    // MARK: Rules

    static func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Deal {
        guard let deal = try await session.sales.deal(id: id, workspaceID: workspaceID) else { throw RapportError.notFound("No deal with id \(id.prefix(64)).") }
        return deal
    }

    /// Whether the actor may move or change this deal (a page offers only those moves).
    public static func mayChange(_ deal: Deal, as actor: Actor) -> Bool {
        actor.may(.workDeals) && (try? requireMayChange(deal, as: actor)) != nil
    }

    /// Admins and managers change any deal; an agent their own, their team's, and those neither
    /// a user nor a team holds.
    static func requireMayChange(_ deal: Deal, as actor: Actor) throws {
        try SalesHolding.requireMayChange(ownerID: deal.ownerID, teamID: deal.teamID, as: actor, records: "deals")
    }

    /// The named pipeline, or the workspace's first; held against reshaping (PostgreSQL) for the
    /// rest of the transaction, and read after the hold, so a deal never enters a stage being
    /// removed or given another kind.
    private func pipeline(_ id: String?, workspaceID: String, session: any StoreSession) async throws -> Pipeline {
        if let id {
            try await session.sales.holdPipeline(id: id, workspaceID: workspaceID)
            guard let pipeline = try await session.sales.pipeline(id: id, workspaceID: workspaceID) else {
                throw RapportError.invalid(field: "pipeline_id", "names no pipeline of this workspace (\(id.prefix(64)))")
            }
            return pipeline
        }
        guard let first = try await session.sales.pipelines(workspaceID: workspaceID).first else {
            throw RapportError.invalid(field: "pipeline_id", "is required: the workspace has no pipeline yet (POST /api/v1/pipelines makes one)")
        }
        return try await pipeline(first.id, workspaceID: workspaceID, session: session)
    }

    /// The stage `change` names (by `stage`, else by `status`), else the current one (`current`,
    /// in this pipeline), else the pipeline's first open stage; a status must agree with the stage.
    private func stage(_ change: DealChange, in pipeline: Pipeline, current: String?) throws -> PipelineStage {
        var chosen: PipelineStage?
        if let reference = change.stage {
            guard let named = pipeline.stage(named: reference) else {
                throw RapportError.invalid(field: "stage", "names no stage of the pipeline \(pipeline.name): \(pipeline.stages.map(\.name).joined(separator: ", "))")
            }
            chosen = named
        } else if let status = change.status, status != .open {
            chosen = pipeline.closingStage(status)
        } else if let current, let stage = pipeline.stage(id: current), change.status == nil || change.status == stage.kind {
            chosen = stage
        }
        guard let stage = chosen ?? pipeline.firstOpenStage else { throw RapportError.conflict("The pipeline \(pipeline.name) has no open stage.") }
        if let status = change.status, status != stage.kind {
            throw RapportError.invalid(field: "status", "is \(status.rawValue) but the stage \(stage.name) is \(stage.kind.rawValue)")
        }
        return stage
    }

    /// Where a reopened deal goes: the open stage it was closed from, else the first open one.
    private func reopenStage(of deal: Deal, in pipeline: Pipeline, session: any StoreSession) async throws -> PipelineStage {
        let moves = try await session.sales.moves(dealID: deal.id, workspaceID: deal.workspaceID)
        if let from = moves.last(where: { $0.toStageID == deal.stageID })?.fromStageID, let stage = pipeline.stage(id: from), stage.kind == .open {
            return stage
        }
        guard let first = pipeline.firstOpenStage else { throw RapportError.conflict("The pipeline \(pipeline.name) has no open stage.") }
        return first
    }

    /// A position for the card: above the stage's first card, or halfway between the card it
    /// goes after (before) and the next one; the stage is renumbered when the gap is too small.
    private func position(_ placement: DealPlacement, dealID: String, stageID: String, session: any StoreSession) async throws -> Double {
        for attempt in 0..<2 {
            switch placement {
            case .top:
                return (try await session.sales.lowestPosition(inStage: stageID) ?? Self.spacing) - Self.spacing
            case .after(let other), .before(let other):
                guard other != dealID, let anchor = try await session.sales.position(of: other, inStage: stageID) else {
                    let field = if case .after = placement { "after_id" } else { "before_id" }
                    throw RapportError.invalid(field: field, "names no other card of the deal's stage (\(other.prefix(64)))")
                }
                let below = if case .after = placement { true } else { false }
                guard let next = try await session.sales.neighbour(of: anchor, inStage: stageID, below: below, excluding: dealID) else {
                    return below ? anchor + Self.spacing : anchor - Self.spacing
                }
                if abs(next - anchor) >= Self.smallestGap || attempt == 1 { return (anchor + next) / 2 }
                try await session.sales.renumber(stageID: stageID)
            }
        }
        preconditionFailure("the second attempt returns")
    }

    private static func apply(_ change: DealChange, to deal: inout Deal, by actor: Actor, session: any StoreSession) async throws {
        if let title = change.title { deal.title = try DealRules.title(title) }
        if let currency = change.currency { deal.currency = try DealRules.currency(currency) }
        if let lines = change.lines {
            deal.lines = try await DealRules.lines(lines, currency: deal.currency, workspaceID: actor.workspaceID, session: session)
            let sum = deal.lines.reduce(Int64(0)) { $0 + $1.amount }
            if let amount = change.amount, !lines.isEmpty, amount != sum {
                throw RapportError.invalid(field: "amount", "is \(amount) but the lines sum to \(sum): leave it out, the lines set it")
            }
            deal.amount = lines.isEmpty ? try DealRules.amount(change.amount ?? deal.amount) : sum
        } else if let amount = change.amount {
            guard deal.lines.isEmpty else {
                throw RapportError.invalid(field: "amount", "is the sum of the deal's lines: change the lines, or give \"lines\": [] to set it by hand")
            }
            deal.amount = try DealRules.amount(amount)
        } else if change.currency != nil, !deal.lines.isEmpty, change.lines == nil {
            throw RapportError.invalid(field: "currency", "cannot change while the deal has lines priced in \(deal.currency): give the lines again")
        }
        if let day = change.expectedCloseOn { deal.expectedCloseOn = try day.map(DealRules.day) }
        if let step = change.nextStep { deal.nextStep = try DealRules.text(step, field: "next_step", maximum: DealRules.maximumNextStepLength) }
        if let reason = change.closeReason { deal.closeReason = try DealRules.text(reason, field: "close_reason", maximum: DealRules.maximumReasonLength) }
        if let ownerID = change.ownerID {
            if let ownerID { try await AssignmentCheck.owner(ownerID, mayDo: .workDeals, work: "work deals", actor: actor, session: session) }
            deal.ownerID = ownerID
        }
        if let teamID = change.teamID {
            if let teamID { try await AssignmentCheck.team(teamID, actor: actor, session: session) }
            deal.teamID = teamID
        }
        if let customerID = change.customerID {
            if let customerID { try await AssignmentCheck.customer(customerID, actor: actor, session: session) }
            deal.customerID = customerID
        }
        if let companyID = change.companyID {
            if let companyID { try await CompanyService.requireCompany(companyID, workspaceID: actor.workspaceID, session: session) }
            deal.companyID = companyID
        }
    }
}
