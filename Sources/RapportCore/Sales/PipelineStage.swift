/// One column of a pipeline: its place, the chance that a deal in it is won (a whole percent),
/// what it means (open, won, lost) and after how many days a deal sitting in it is stuck.
public struct PipelineStage: Sendable, Equatable {
    public var id: String
    public var pipelineID: String
    public var name: String
    /// 0 first.
    public var position: Int
    /// 0 to 100: a won stage's is 100, a lost stage's 0.
    public var probability: Int
    public var kind: PipelineStageKind
    /// Days in the stage after which a deal is stuck (an alert); nil: never.
    public var stuckAfterDays: Int?

    public init(id: String, pipelineID: String, name: String, position: Int, probability: Int, kind: PipelineStageKind = .open, stuckAfterDays: Int? = nil) {
        self.id = id
        self.pipelineID = pipelineID
        self.name = name
        self.position = position
        self.probability = probability
        self.kind = kind
        self.stuckAfterDays = stuckAfterDays
    }

    /// `amount` × probability ÷ 100 in minor units, rounded once, half to even: the weighted
    /// value of a deal, or of a stage's total (one rounding per stage, not per deal).
    public func weighted(_ amount: Int64) -> Int64 {
        // The product may not fit 64 bits; the quotient does (the probability is at most 100).
        let (quotient, remainder) = Int64(100).dividingFullWidth(amount.multipliedFullWidth(by: Int64(probability)))
        let magnitude = remainder.magnitude
        guard magnitude > 50 || (magnitude == 50 && quotient % 2 != 0) else { return quotient }
        return remainder < 0 ? quotient - 1 : quotient + 1
    }
}
