import Foundation

/// Pipelines with their stages, deals with their lines and stage moves, and each stage's kept
/// totals.
public protocol SalesRepository: Sendable {
    /// The workspace's pipelines in their order, each with its stages.
    func pipelines(workspaceID: String) async throws -> [Pipeline]
    func pipeline(id: String, workspaceID: String) async throws -> Pipeline?
    /// Holds the pipeline for the rest of a write transaction (PostgreSQL), so two changes of
    /// its stages take turns.
    func lockPipeline(id: String, workspaceID: String) async throws
    /// Holds the pipeline against reshaping (PostgreSQL: a shared lock, which a deal's write
    /// takes and `lockPipeline` waits for) for the rest of a write transaction.
    func holdPipeline(id: String, workspaceID: String) async throws
    /// Sets the pipeline's currency unless it has one already (the first deal's).
    func setCurrencyIfUnset(_ currency: String, pipelineID: String, workspaceID: String, at moment: Date) async throws
    /// How many deals the pipeline holds, in any stage.
    func dealCount(pipelineID: String, workspaceID: String) async throws -> Int
    func insert(_ pipeline: Pipeline) async throws
    /// Writes the pipeline's fields and its stages: updates the kept ones, adds the new ones,
    /// removes those no longer listed (which hold no deals).
    func update(_ pipeline: Pipeline) async throws
    func delete(pipelineID: String, workspaceID: String) async throws

    /// Locked for the rest of a write transaction on PostgreSQL.
    func deal(id: String, workspaceID: String) async throws -> Deal?
    /// The deal's customer, read without a lock (a task's link): nil when there is no such
    /// deal, `.some(nil)` for a deal about no customer.
    func customerID(ofDeal id: String, workspaceID: String) async throws -> String??
    func insert(_ deals: [Deal]) async throws
    /// Every open stage with a stuck limit, from every workspace.
    func stuckWatches() async throws -> [StuckStageWatch]
    /// Deals that entered the stage by `upTo` and after (`after`, `afterID`) in (entry time, id)
    /// order (nil: from the first), in that order.
    func deals(enteringStage stageID: String, after: Date?, afterID: String?, upTo: Date, limit: Int) async throws -> [Deal]
    /// The stage's stuck deals are looked at up to this deal (its entry time and id).
    func markStuckSwept(stageID: String, until moment: Date, dealID: String) async throws
    func update(_ deal: Deal) async throws
    func delete(dealID: String, workspaceID: String) async throws
    func record(_ moves: [DealStageMove]) async throws
    /// The pipeline's deals closed (won or lost) from `since` to `until`, the latest first (at
    /// most `limit`).
    func outcomes(pipelineID: String, workspaceID: String, since: Date, until: Date, limit: Int) async throws -> [DealOutcome]
    /// The pipeline's stage moves from `since` to `until`, oldest first, at most `limit`.
    func moves(pipelineID: String, workspaceID: String, since: Date, until: Date, limit: Int) async throws -> [DealStageMove]
    /// The pipeline's open deals expected to close by `day` (`2026-03-31`, that day included),
    /// summed per stage and currency.
    func openTotals(pipelineID: String, workspaceID: String, closingBy day: String) async throws -> [PipelineStageTotal]
    /// The deal's stage moves, oldest first.
    func moves(dealID: String, workspaceID: String) async throws -> [DealStageMove]
    /// The deal's latest `limit` stage moves, newest first.
    func latestMoves(dealID: String, workspaceID: String, limit: Int) async throws -> [DealStageMove]
    /// With `filter.stageID`, by position (a page after the cursor deal); otherwise newest first.
    func deals(workspaceID: String, filter: DealFilter, page: PageRequest) async throws -> Page<Deal>
    /// The first `limit` cards of each of these stages by position, with one more to tell
    /// whether more follow.
    func boardCards(stageIDs: [String], workspaceID: String, limit: Int) async throws -> [String: [Deal]]
    /// How many deals are in each of these stages (of any currency).
    func dealCounts(stageIDs: [String], workspaceID: String) async throws -> [String: Int]
    /// The positions around a card: the lowest of the stage (for the top), or the card's and the
    /// next one's after (`after`) or before (`before`) it. Nil when the stage or card is empty.
    func position(of dealID: String, inStage stageID: String) async throws -> Double?
    func lowestPosition(inStage stageID: String) async throws -> Double?
    /// The position of the card next to this position in the stage (above with `below` false),
    /// leaving out `excluding`.
    func neighbour(of position: Double, inStage stageID: String, below: Bool, excluding dealID: String) async throws -> Double?
    /// Gives the stage's cards evenly spaced positions in their order (when two neighbours are too
    /// close to put a card between them).
    func renumber(stageID: String) async throws

    /// Adds each row's deals and amount to the kept total of its stage and currency.
    func moveTotals(_ changes: [PipelineStageTotal]) async throws
    /// The kept totals of the pipeline.
    func totals(pipelineID: String, workspaceID: String) async throws -> [PipelineStageTotal]
    /// The totals summed from the deals themselves, for a check against the kept ones.
    func computedTotals(pipelineID: String, workspaceID: String) async throws -> [PipelineStageTotal]
    /// Replaces the workspace's kept totals with the ones summed from its deals; answers the rows.
    @discardableResult
    func rebuildTotals(workspaceID: String) async throws -> Int
}
