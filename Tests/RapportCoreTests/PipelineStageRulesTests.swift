import Foundation
import Testing

@testable import RapportCore

/// How stage drafts become a pipeline's stages, and how a stage weighs an amount.
@Suite("Pipeline stage rules")
struct PipelineStageRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("open stages keep their order; the won and lost stages go last, added when missing")
    func order() throws {
        let stages = try PipelineStageRules.stages(
            from: [
                PipelineStageDraft(name: "Lost", kind: .lost), PipelineStageDraft(name: " Lead ", probability: 10),
                PipelineStageDraft(name: "Offer", probability: 60, stuckAfterDays: 7),
            ], pipelineID: "pip_1", keeping: [], at: now)
        #expect(stages.map(\.name) == ["Lead", "Offer", "Won", "Lost"])
        #expect(stages.map(\.position) == [0, 1, 2, 3])
        #expect(stages.map(\.probability) == [10, 60, 100, 0] && stages[1].stuckAfterDays == 7)
        #expect(Set(stages.map(\.id)).count == 4 && stages.allSatisfy { $0.id.hasPrefix("stg_") && $0.pipelineID == "pip_1" })
    }

    @Test("a kept stage keeps its id; an id of another pipeline, two won stages or a lost stage at 10 % are refused")
    func refusals() throws {
        let kept = PipelineStage(id: "stg_kept", pipelineID: "pip_1", name: "Lead", position: 0, probability: 10)
        let again = try PipelineStageRules.stages(from: [PipelineStageDraft(id: "stg_kept", name: "Leads", probability: 15)], pipelineID: "pip_1", keeping: [kept], at: now)
        #expect(again.first?.id == "stg_kept" && again.first?.name == "Leads" && again.first?.probability == 15)
        for drafts in [
            [PipelineStageDraft(id: "stg_other", name: "Lead", probability: 10)],
            [PipelineStageDraft(name: "Lead", probability: 10), PipelineStageDraft(name: "Won", kind: .won), PipelineStageDraft(name: "Won again", kind: .won)],
            [PipelineStageDraft(name: "Lead", probability: 10), PipelineStageDraft(name: "Gone", probability: 10, kind: .lost)],
            [PipelineStageDraft(name: "", probability: 10)],
            [PipelineStageDraft(name: "Lead", probability: 101)],
            [PipelineStageDraft(name: "Lead", probability: 10, stuckAfterDays: 0)],
        ] {
            #expect(throws: RapportError.self) { try PipelineStageRules.stages(from: drafts, pipelineID: "pip_1", keeping: [kept], at: now) }
        }
    }

    @Test("a stage weighs an amount by its probability, rounded once, half to even, without overflowing")
    func weighing() {
        func stage(_ probability: Int) -> PipelineStage { PipelineStage(id: "s", pipelineID: "p", name: "s", position: 0, probability: probability) }
        #expect(stage(50).weighted(101) == 50 && stage(50).weighted(103) == 52 && stage(50).weighted(102) == 51)
        #expect(stage(25).weighted(2) == 0 && stage(25).weighted(6) == 2 && stage(75).weighted(10) == 8)
        #expect(stage(100).weighted(Int64.max) == Int64.max && stage(0).weighted(Int64.max) == 0)
        #expect(stage(99).weighted(Int64.max) == 9_131_138_316_486_228_049, "Int64.max × 99 ÷ 100 needs 128 bits on the way")
    }

    @Test("a deal is stuck once it sits in a stage longer than the stage allows, and only while open")
    func stuck() {
        let stage = PipelineStage(id: "s", pipelineID: "p", name: "Offer", position: 0, probability: 50, stuckAfterDays: 7)
        var deal = Deal(id: "d", workspaceID: "w", pipelineID: "p", stageID: "s", title: "T", currency: "EUR", stageEnteredAt: now, createdBy: "x", createdAt: now, updatedAt: now)
        #expect(!deal.isStuck(in: stage, at: now.addingTimeInterval(7 * 86_400)))
        #expect(deal.isStuck(in: stage, at: now.addingTimeInterval(7 * 86_400 + 1)))
        deal.status = .won
        #expect(!deal.isStuck(in: stage, at: now.addingTimeInterval(30 * 86_400)))
    }
}
