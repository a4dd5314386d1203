import Foundation

/// A sales process of the workspace (wholesale, corporate gifts, custom orders): its ordered
/// stages, one of them won and one lost, and the currency its totals count in. A pipeline made
/// without a currency takes its first deal's; deals in other currencies are kept and shown
/// beside the totals, never converted.
public struct Pipeline: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var currency: String?
    /// What the pipeline should win in a calendar month, in minor units of its currency; the
    /// sales dashboard sets the month's won deals and forecast against it.
    public var monthlyTarget: Int64?
    /// Where it comes in the workspace's list of pipelines, 0 first.
    public var position: Int
    /// In order: the open stages, then the won one, then the lost one.
    public var stages: [PipelineStage]
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, currency: String? = nil, monthlyTarget: Int64? = nil, position: Int = 0, stages: [PipelineStage] = [], createdBy: String,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.currency = currency
        self.monthlyTarget = monthlyTarget
        self.position = position
        self.stages = stages
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func stage(id: String) -> PipelineStage? {
        stages.first { $0.id == id }
    }

    /// The stage with this id, or else with this name (letter case aside).
    public func stage(named reference: String) -> PipelineStage? {
        stage(id: reference) ?? stages.first { $0.name.compare(reference, options: [.caseInsensitive]) == .orderedSame }
    }

    /// Where a new deal starts.
    public var firstOpenStage: PipelineStage? {
        stages.first { $0.kind == .open }
    }

    public func closingStage(_ kind: PipelineStageKind) -> PipelineStage? {
        stages.first { $0.kind == kind }
    }
}
