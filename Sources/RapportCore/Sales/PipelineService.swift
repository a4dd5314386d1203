import Foundation

/// The workspace's pipelines: listed and read with each stage's totals, made, reshaped
/// (stages renamed, re-weighted, added, reordered; one holding deals is neither removed nor
/// turned into another kind), deleted while they hold no deals, and the board. Totals come
/// from the kept rows (`pipeline_stage_totals`), never from summing the deals per request.
public struct PipelineService: Sendable {
    public static let maximumNameLength = 100
    public static let maximumStageNameLength = 60
    public static let maximumStages = 30
    public static let maximumCardsPerStage = 200

    let context: CoreContext
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(as actor: Actor) async throws -> [PipelineOverview] {
        try actor.require(.viewSales)
        return try await store.read { session in
            var overviews: [PipelineOverview] = []
            for pipeline in try await session.sales.pipelines(workspaceID: actor.workspaceID) {
                overviews.append(PipelineOverview(pipeline: pipeline, totals: try await session.sales.totals(pipelineID: pipeline.id, workspaceID: actor.workspaceID)))
            }
            return overviews
        }
    }

    /// The workspace's pipelines and their stages, without their totals: for naming them.
    public func pipelines(as actor: Actor) async throws -> [Pipeline] {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.sales.pipelines(workspaceID: actor.workspaceID) }
    }

    public func find(id: String, as actor: Actor) async throws -> PipelineOverview {
        try actor.require(.viewSales)
        return try await store.read { session in
            let pipeline = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            return PipelineOverview(pipeline: pipeline, totals: try await session.sales.totals(pipelineID: id, workspaceID: actor.workspaceID))
        }
    }

    /// The overview and the first `cardsPerStage` cards of each stage by position.
    public func board(id: String, cardsPerStage: Int = 50, as actor: Actor) async throws -> PipelineBoard {
        try actor.require(.viewSales)
        let limit = min(max(cardsPerStage, 1), Self.maximumCardsPerStage)
        return try await store.read { session in
            let pipeline = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            let overview = PipelineOverview(pipeline: pipeline, totals: try await session.sales.totals(pipelineID: id, workspaceID: actor.workspaceID))
            let cards = try await session.sales.boardCards(stageIDs: pipeline.stages.map(\.id), workspaceID: actor.workspaceID, limit: limit + 1)
            let columns = overview.stages.map { summary in
                let stageCards = cards[summary.stage.id] ?? []
                return PipelineBoardColumn(summary: summary, deals: Array(stageCards.prefix(limit)), hasMore: stageCards.count > limit)
            }
            return PipelineBoard(overview: overview, columns: columns)
        }
    }

    /// A pipeline from `draft`, which must give a name and at least one stage; a Won and a Lost
    /// stage are added at its end when it lists none.
    public func create(_ draft: PipelineDraft, as actor: Actor) async throws -> PipelineOverview {
        try actor.require(.managePipelines)
        guard let name = draft.name else { throw RapportError.invalid(field: "name", "is required: 1 to \(Self.maximumNameLength) characters") }
        guard let drafts = draft.stages, !drafts.isEmpty else { throw RapportError.invalid(field: "stages", "is required: at least one stage") }
        return try await context.write { transaction in
            let now = transaction.now
            let session = transaction.session
            let existing = try await session.sales.pipelines(workspaceID: actor.workspaceID)
            let id = ResourceID.make(.pipeline, at: now)
            var pipeline = Pipeline(
                id: id, workspaceID: actor.workspaceID, name: try Self.validName(name, among: existing, except: nil),
                currency: try draft.currency.flatMap { try $0.map(DealRules.currency) },
                monthlyTarget: try draft.monthlyTarget.flatMap { try $0.map(Self.validTarget) }, position: (existing.map(\.position).max() ?? -1) + 1,
                createdBy: actor.label, createdAt: now, updatedAt: now)
            pipeline.stages = try PipelineStageRules.stages(from: drafts, pipelineID: id, keeping: [], at: now)
            try await session.sales.insert(pipeline)
            try await transaction.audit(AuditRecord(.pipelineCreated, subject: .pipeline(id), details: ["stages": String(pipeline.stages.count)]), by: actor)
            return PipelineOverview(pipeline: pipeline, totals: [])
        }
    }

    /// Sets what `draft` gives. `stages`, when given, is the whole list: a stage with an `id` is
    /// kept (renamed, re-weighted, moved), one without is added, one left out is removed.
    public func update(id: String, _ draft: PipelineDraft, as actor: Actor) async throws -> PipelineOverview {
        try actor.require(.managePipelines)
        return try await context.write { transaction in
            let session = transaction.session
            try await session.sales.lockPipeline(id: id, workspaceID: actor.workspaceID)
            var pipeline = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            if let name = draft.name {
                pipeline.name = try Self.validName(name, among: try await session.sales.pipelines(workspaceID: actor.workspaceID), except: id)
            }
            if let currency = draft.currency { pipeline.currency = try currency.map(DealRules.currency) }
            if let target = draft.monthlyTarget { pipeline.monthlyTarget = try target.map(Self.validTarget) }
            if let drafts = draft.stages {
                let stages = try PipelineStageRules.stages(from: drafts, pipelineID: id, keeping: pipeline.stages, at: transaction.now)
                let counts = try await session.sales.dealCounts(stageIDs: pipeline.stages.map(\.id), workspaceID: actor.workspaceID)
                for old in pipeline.stages where (counts[old.id] ?? 0) > 0 {
                    guard let kept = stages.first(where: { $0.id == old.id }) else {
                        throw RapportError.conflict("The stage \(old.name) holds \(counts[old.id]!) deals: move them before removing it.")
                    }
                    guard kept.kind == old.kind else {
                        throw RapportError.conflict("The stage \(old.name) holds \(counts[old.id]!) deals: a stage with deals keeps its kind (\(old.kind.rawValue)).")
                    }
                }
                pipeline.stages = stages
            }
            pipeline.updatedAt = transaction.now
            try await session.sales.update(pipeline)
            try await transaction.audit(
                AuditRecord(.pipelineUpdated, subject: .pipeline(id), details: ["fields": draft.fieldNames.joined(separator: ",")]), by: actor)
            return PipelineOverview(pipeline: pipeline, totals: try await session.sales.totals(pipelineID: id, workspaceID: actor.workspaceID))
        }
    }

    /// Only a pipeline without deals goes (a sales history is not thrown away by accident).
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.managePipelines)
        try await context.write { transaction in
            let session = transaction.session
            try await session.sales.lockPipeline(id: id, workspaceID: actor.workspaceID)
            let pipeline = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            let deals = try await session.sales.dealCount(pipelineID: id, workspaceID: actor.workspaceID)
            guard deals == 0 else { throw RapportError.conflict("The pipeline \(pipeline.name) holds \(deals) deals: move or delete them first.") }
            try await session.sales.delete(pipelineID: id, workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(.pipelineDeleted, subject: .pipeline(id), details: ["name": pipeline.name]), by: actor)
        }
    }

    /// Recomputes the workspace's kept stage totals from its deals (`rapport pipeline rebuild`).
    public func rebuildTotals(workspaceID: String) async throws -> Int {
        try await context.write { transaction in try await transaction.session.sales.rebuildTotals(workspaceID: workspaceID) }
    }

    /// The kept totals of a pipeline beside the ones summed from its deals (equal unless a
    /// write went around the service).
    public func checkTotals(pipelineID: String, workspaceID: String) async throws -> (kept: [PipelineStageTotal], computed: [PipelineStageTotal]) {
        try await store.read { session in
            (
                try await session.sales.totals(pipelineID: pipelineID, workspaceID: workspaceID).filter { $0.deals != 0 || $0.amount != 0 },
                try await session.sales.computedTotals(pipelineID: pipelineID, workspaceID: workspaceID)
            )
        }
    }

    // MARK: Rules

    static func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Pipeline {
        guard let pipeline = try await session.sales.pipeline(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No pipeline with id \(id.prefix(64)).")
        }
        return pipeline
    }

    public static let maximumTarget: Int64 = 1_000_000_000_000

    private static func validTarget(_ target: Int64) throws -> Int64 {
        guard (0...maximumTarget).contains(target) else {
            throw RapportError.invalid(field: "monthly_target", "must be a whole amount in minor units from 0 to \(maximumTarget)")
        }
        return target
    }

    private static func validName(_ name: String, among pipelines: [Pipeline], except id: String?) throws -> String {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw RapportError.invalid(field: "name", "is required: 1 to \(maximumNameLength) characters")
        }
        if let other = pipelines.first(where: { $0.id != id && $0.name.compare(trimmed, options: .caseInsensitive) == .orderedSame }) {
            throw RapportError.conflict("A pipeline named \(other.name) exists already (\(other.id)).")
        }
        return trimmed
    }
}
