/// A pipeline as someone gives it: what is nil is left as it is (a new pipeline needs a name
/// and its stages). `currency` or `monthlyTarget` `.some(nil)` clears it.
public struct PipelineDraft: Sendable, Equatable {
    public var name: String?
    public var currency: String??
    public var monthlyTarget: Int64??
    public var stages: [PipelineStageDraft]?

    public init(name: String? = nil, currency: String?? = nil, monthlyTarget: Int64?? = nil, stages: [PipelineStageDraft]? = nil) {
        self.name = name
        self.currency = currency
        self.monthlyTarget = monthlyTarget
        self.stages = stages
    }
}

extension PipelineDraft {
    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [name.map { _ in "name" }, currency.map { _ in "currency" }, monthlyTarget.map { _ in "monthly_target" }, stages.map { _ in "stages" }].compactMap { $0 }
    }
}
