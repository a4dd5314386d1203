import Foundation

/// A deal entering a stage (`fromStageID` nil: it was made there), by whom and when: what
/// velocity, stage conversion, the sales cycle and "stuck" read.
public struct DealStageMove: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var dealID: String
    public var pipelineID: String
    public var fromStageID: String?
    public var toStageID: String
    public var movedAt: Date
    public var movedBy: String

    public init(id: String, workspaceID: String, dealID: String, pipelineID: String, fromStageID: String?, toStageID: String, movedAt: Date, movedBy: String) {
        self.id = id
        self.workspaceID = workspaceID
        self.dealID = dealID
        self.pipelineID = pipelineID
        self.fromStageID = fromStageID
        self.toStageID = toStageID
        self.movedAt = movedAt
        self.movedBy = movedBy
    }
}
