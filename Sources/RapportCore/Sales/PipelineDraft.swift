/// A pipeline as someone gives it: what is nil is left as it is (a new pipeline needs a name
/// and its stages). `currency` `.some(nil)` clears it.
public struct PipelineDraft: Sendable, Equatable {
    public var name: String?
    public var currency: String??
    public var stages: [PipelineStageDraft]?

    public init(name: String? = nil, currency: String?? = nil, stages: [PipelineStageDraft]? = nil) {
        self.name = name
        self.currency = currency
        self.stages = stages
    }
}

extension PipelineDraft {
    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [name.map { _ in "name" }, currency.map { _ in "currency" }, stages.map { _ in "stages" }].compactMap { $0 }
    }
}
