import Foundation

/// A sale being worked: on a pipeline, in a stage (whose kind is the deal's status), worth an
/// amount in minor units of its currency (the sum of its lines when it has any), owned by a
/// user or a team, about a customer. `position` orders the cards of a stage (fractional, so a
/// card moves between two others with one write).
public struct Deal: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var pipelineID: String
    public var stageID: String
    public var title: String
    public var amount: Int64
    public var currency: String
    public var lines: [DealLine]
    /// A calendar day (`2026-03-31`).
    public var expectedCloseOn: String?
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?
    /// The company it is with, and the lead it was converted from.
    public var companyID: String?
    public var leadID: String?
    public var nextStep: String?
    public var status: PipelineStageKind
    /// Why it was lost (or won).
    public var closeReason: String?
    public var position: Double
    public var stageEnteredAt: Date
    public var closedAt: Date?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, pipelineID: String, stageID: String, title: String, amount: Int64 = 0, currency: String, lines: [DealLine] = [],
        expectedCloseOn: String? = nil, ownerID: String? = nil, teamID: String? = nil, customerID: String? = nil, companyID: String? = nil, leadID: String? = nil, nextStep: String? = nil,
        status: PipelineStageKind = .open, closeReason: String? = nil, position: Double = 0, stageEnteredAt: Date, closedAt: Date? = nil,
        createdBy: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.title = title
        self.amount = amount
        self.currency = currency
        self.lines = lines
        self.expectedCloseOn = expectedCloseOn
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.companyID = companyID
        self.leadID = leadID
        self.nextStep = nextStep
        self.status = status
        self.closeReason = closeReason
        self.position = position
        self.stageEnteredAt = stageEnteredAt
        self.closedAt = closedAt
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Open and in its stage longer than the stage allows.
    public func isStuck(in stage: PipelineStage, at now: Date) -> Bool {
        guard status == .open, let days = stage.stuckAfterDays else { return false }
        return now.timeIntervalSince(stageEnteredAt) > Double(days) * 86_400
    }
}
