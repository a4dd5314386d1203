/// A place in the event log: the transaction that wrote an event and the event's sequence
/// number, compared in that order.
///
/// On SQLite one transaction writes at a time, so sequence numbers already follow commit
/// order and `transaction` is always 0. On PostgreSQL sequence numbers are handed out before
/// commit, so a transaction still running can hold a lower number than one that committed;
/// the log is read by (writing transaction, sequence) instead, and only as far as the oldest
/// transaction still running. No event can later appear before a position once read.
public struct EventPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var transaction: Int64
    public var sequence: Int64

    public static let start = EventPosition(transaction: 0, sequence: 0)

    public init(transaction: Int64, sequence: Int64) {
        self.transaction = transaction
        self.sequence = sequence
    }

    public static func < (lhs: EventPosition, rhs: EventPosition) -> Bool {
        (lhs.transaction, lhs.sequence) < (rhs.transaction, rhs.sequence)
    }

    public var description: String { "\(transaction):\(sequence)" }
}
