/// What someone sets on a deal (made or changed); nil leaves a field as it is, `.some(nil)`
/// clears it. `stage` names a stage by id or name; `status` won or lost moves the deal to its
/// pipeline's won or lost stage, open takes it back to the stage it was closed from.
public struct DealChange: Sendable, Equatable {
    public var title: String?
    public var pipelineID: String?
    public var stage: String?
    public var placement: DealPlacement?
    public var status: PipelineStageKind?
    public var closeReason: String??
    public var amount: Int64?
    public var currency: String?
    public var lines: [DealLineDraft]?
    public var expectedCloseOn: String??
    public var ownerID: String??
    public var teamID: String??
    public var customerID: String??
    public var companyID: String??
    public var nextStep: String??
    /// The lead the deal is made from (set by a conversion, not by the API's callers).
    var leadID: String?

    public init(
        title: String? = nil, pipelineID: String? = nil, stage: String? = nil, placement: DealPlacement? = nil, status: PipelineStageKind? = nil,
        closeReason: String?? = nil, amount: Int64? = nil, currency: String? = nil, lines: [DealLineDraft]? = nil, expectedCloseOn: String?? = nil,
        ownerID: String?? = nil, teamID: String?? = nil, customerID: String?? = nil, companyID: String?? = nil, nextStep: String?? = nil
    ) {
        self.title = title
        self.pipelineID = pipelineID
        self.stage = stage
        self.placement = placement
        self.status = status
        self.closeReason = closeReason
        self.amount = amount
        self.currency = currency
        self.lines = lines
        self.expectedCloseOn = expectedCloseOn
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.companyID = companyID
        self.nextStep = nextStep
    }

    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [
            title.map { _ in "title" }, pipelineID.map { _ in "pipeline_id" }, stage.map { _ in "stage" }, placement.map { _ in "position" },
            status.map { _ in "status" }, closeReason.map { _ in "close_reason" }, amount.map { _ in "amount" }, currency.map { _ in "currency" },
            lines.map { _ in "lines" }, expectedCloseOn.map { _ in "expected_close_on" }, ownerID.map { _ in "owner_id" }, teamID.map { _ in "team_id" },
            customerID.map { _ in "customer_id" }, companyID.map { _ in "company_id" }, nextStep.map { _ in "next_step" },
        ].compactMap { $0 }
    }
}
