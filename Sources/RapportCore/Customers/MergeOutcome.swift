/// The result of one merge inside a transaction: the survivor as it now stands, the record
/// kept for unmerging, and the change to record.
struct MergeOutcome: Sendable {
    var survivor: Customer
    var record: MergeRecord
    var change: CustomerChange
}
