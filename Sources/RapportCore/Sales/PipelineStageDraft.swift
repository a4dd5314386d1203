/// A stage as someone gives it when making or changing a pipeline: `id` names a stage kept
/// (nil: a new one), whose fields left out stay as they are. A new stage is open unless its
/// `kind` says otherwise; an open stage needs its `probability` (a won stage's is 100, a lost
/// one's 0). `stuckAfterDays` `.some(nil)` clears it.
public struct PipelineStageDraft: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var probability: Int?
    public var kind: PipelineStageKind?
    public var stuckAfterDays: Int??

    public init(id: String? = nil, name: String, probability: Int? = nil, kind: PipelineStageKind? = nil, stuckAfterDays: Int?? = nil) {
        self.id = id
        self.name = name
        self.probability = probability
        self.kind = kind
        self.stuckAfterDays = stuckAfterDays
    }
}
