/// Which deals a list shows. With `stageID`, in the board's order (by position); otherwise
/// newest first.
public struct DealFilter: Sendable, Equatable {
    public var pipelineID: String?
    public var stageID: String?
    public var status: PipelineStageKind?
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?
    public var companyID: String?

    public init(
        pipelineID: String? = nil, stageID: String? = nil, status: PipelineStageKind? = nil, ownerID: String? = nil, teamID: String? = nil,
        customerID: String? = nil, companyID: String? = nil
    ) {
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.status = status
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.companyID = companyID
    }
}
