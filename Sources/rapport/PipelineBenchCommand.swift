import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench pipeline`: the board of a large pipeline. Loads `--deals` open deals (and
/// `--closed` won or lost ones) on one pipeline of six open stages, sums the kept stage totals
/// once (timed: the rebuild), then times the board — totals and the first 50 cards of every
/// stage — through the HTTP API as an integration reads it (the figure issue 25 names: p99 <
/// 50 ms at 100,000 open deals), and card moves between stages (each one write: the deal, its
/// stage move, both stages' totals). Checks at the end that the kept totals equal the deals'.
struct PipelineBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pipeline", abstract: "Time the pipeline board and card moves over many deals.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Open deals to load")
    var deals: Int = 100_000

    @Option(help: "Won and lost deals to load besides")
    var closed: Int = 20_000

    @Option(help: "Board reads to time")
    var reads: Int = 500

    @Option(help: "Card moves to time")
    var moves: Int = 500

    @Option(help: "Leads to score (rules with decay, then the learned model), in memory from a seeded simulation")
    var scoredLeads: Int = 1_000_000

    @Option(help: "Closed leads of the simulated history the model learns from")
    var closedLeads: Int = 20_000

    func validate() throws {
        guard deals >= 100, closed >= 0, reads >= 100, moves >= 10 else { throw ValidationError("--deals ≥ 100, --closed ≥ 0, --reads ≥ 100, --moves ≥ 10") }
        guard scoredLeads >= 0, closedLeads >= 500 else { throw ValidationError("--scored-leads ≥ 0, --closed-leads ≥ 500") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "pipeline.sqlite", logger: logger)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        let actor = Actor.system("bench", workspaceID: workspaceID)
        try await bench.measure {
            let names = ["Enquiry", "Qualified", "Samples sent", "Proposal", "Negotiation", "Contract"]
            let drafts = names.enumerated().map { PipelineStageDraft(name: $1, probability: 10 + $0 * 15, stuckAfterDays: 14) }
            let pipeline = try await services.pipelines.create(PipelineDraft(name: "Wholesale", currency: "EUR", stages: drafts), as: actor).pipeline
            print("\(services.store.engineName): \(deals) open deals and \(closed) closed ones on \(pipeline.stages.count) stages")
            var started = ContinuousClock.now
            try await load(pipeline: pipeline, services: services)
            BenchLine.print("load", seconds: (ContinuousClock.now - started).inSeconds, note: "\(deals + closed) deals")
            started = ContinuousClock.now
            let rows = try await services.pipelines.rebuildTotals(workspaceID: workspaceID)
            BenchLine.print("rebuild the kept totals", seconds: (ContinuousClock.now - started).inSeconds, note: "\(rows) rows")
            try await services.store.refreshStatistics()
            try await services.store.settleWrites()

            let server = try await BenchServer.start(services: services, workers: 0, logger: logger)
            var board = LatencySamples()
            var bytes = 0
            for _ in 0..<reads {
                let start = ContinuousClock.now
                let body = try await call(.GET, server.base + "/api/v1/pipelines/\(pipeline.id)/board", key: bench.admin.secret, body: nil)
                board.record(ContinuousClock.now - start)
                bytes = body.readableBytes
            }
            print("board (totals and 50 cards × \(pipeline.stages.count) stages, \(bytes / 1024) KiB): \(board.summary); target p99 < 50 ms")
            var moved = LatencySamples()
            let open = pipeline.stages.filter { $0.kind == .open }
            for index in 0..<moves {
                let from = open[index % open.count]
                let to = open[(index + 1) % open.count]
                let cards = try await services.deals.list(filter: DealFilter(stageID: from.id), page: try PageRequest(limit: 2), as: actor).items
                guard let card = cards.first else { continue }
                let payload = "{\"stage\": \"\(to.id)\", \"after_id\": null}"
                let start = ContinuousClock.now
                _ = try await call(.PATCH, server.base + "/api/v1/deals/\(card.id)", key: bench.admin.secret, body: payload)
                moved.record(ContinuousClock.now - start)
            }
            print("card move between stages: \(moved.summary)")
            await server.stop()
            let check = try await services.pipelines.checkTotals(pipelineID: pipeline.id, workspaceID: workspaceID)
            guard check.kept == check.computed else { throw ValidationError("The kept totals differ from the deals' after the moves.") }
            print("kept totals equal the deals' sums after \(moves) moves")
        }
        try scoring()
    }

    /// Lead scoring (issue 25: 1,000,000 leads in < 10 s), the in-memory compute only: the model
    /// learned from a simulated history with its held-out AUC, then every lead's rule score (one
    /// pass over facts already in memory, the decay computed per fact) and its predicted chance
    /// from simulated features. Reading the facts from the database is not in it yet (the
    /// facts table comes with the scoring rules).
    private func scoring() throws {
        let history = LeadScoringSimulation.history(closedLeads, seed: 20_261_207)
        var started = ContinuousClock.now
        let model = LeadOutcomeModel.learn(features: history.features, converted: history.converted)
        guard let regression = model.regression, let quality = model.quality, model.isUsable else {
            throw ValidationError("The lead model was not usable: \(model.refusal ?? "no fit")")
        }
        BenchLine.print(
            "learn the lead model", seconds: (ContinuousClock.now - started).inSeconds,
            note: "\(model.trainingCount) leads, held-out AUC \(String(format: "%.3f", quality.auc)) [\(String(format: "%.3f", quality.interval.lower)), \(String(format: "%.3f", quality.interval.upper))]")
        guard scoredLeads > 0 else { return }
        let facts = LeadScoringSimulation.facts(leads: scoredLeads, seed: 7)
        let features = LeadScoringSimulation.history(scoredLeads, seed: 8).features
        started = ContinuousClock.now
        let rules = LeadRuleScoring.scores(leadCount: scoredLeads, leads: facts.leads, points: facts.points, ageDays: facts.ageDays, halfLifeDays: facts.halfLifeDays)
        var predicted = [Double](repeating: 0, count: scoredLeads)
        for index in 0..<scoredLeads { predicted[index] = regression.probability(features[index]) }
        let seconds = (ContinuousClock.now - started).inSeconds
        let meanRules = rules.reduce(0, +) / Double(scoredLeads)
        let meanChance = predicted.reduce(0, +) / Double(scoredLeads)
        BenchLine.print(
            "score \(scoredLeads) leads", seconds: seconds,
            note: "\(facts.leads.count) facts in memory; mean rule score \(String(format: "%.1f", meanRules)), mean chance \(String(format: "%.3f", meanChance)); target < 10 s")
    }

    /// The deals, written in batches straight through the store (the load is not the measure).
    private func load(pipeline: Pipeline, services: AppServices) async throws {
        var generator = SeededGenerator(seed: 20_261_207)
        let open = pipeline.stages.filter { $0.kind == .open }
        let closing = pipeline.stages.filter { $0.kind != .open }
        let now = Date()
        let total = deals + closed
        for start in stride(from: 0, to: total, by: 5_000) {
            let batch = (start..<min(start + 5_000, total)).map { index in
                let stage = index < deals ? open[index % open.count] : closing[index % closing.count]
                let entered = now.addingTimeInterval(-Double(Int.random(in: 0..<90, using: &generator)) * 86_400)
                return Deal(
                    id: ResourceID.make(.deal, at: now, using: &generator), workspaceID: pipeline.workspaceID, pipelineID: pipeline.id, stageID: stage.id,
                    title: "Wholesale order \(index + 1)", amount: Int64.random(in: 50_000...5_000_000, using: &generator), currency: "EUR",
                    status: stage.kind, position: Double(index) * 1024, stageEnteredAt: entered, closedAt: stage.kind == .open ? nil : entered,
                    createdBy: "system:bench", createdAt: entered, updatedAt: entered)
            }
            try await services.store.write { session in try await session.sales.insert(batch) }
        }
    }

    private func call(_ method: HTTPMethod, _ url: String, key: String, body: String?) async throws -> ByteBuffer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 32 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw ValidationError("\(method) \(url) answered \(response.status.code): \(String(buffer: answer).prefix(300))")
        }
        return answer
    }
}
