import Foundation
import RapportCore

/// A deal entering a stage; `from_stage_id` null: it was made there.
struct DealStageMoveResponse: Encodable {
    let object = "deal_stage_move"
    let id: String
    let pipelineId: String
    let fromStageId: String?
    let toStageId: String
    let movedAt: String
    let movedBy: String

    init(_ move: DealStageMove) {
        id = move.id
        pipelineId = move.pipelineID
        fromStageId = move.fromStageID
        toStageId = move.toStageID
        movedAt = Timestamp.iso8601(move.movedAt)
        movedBy = move.movedBy
    }
}
