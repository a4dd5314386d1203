/// How many conversations each inbox filter holds, per status: all of them, the asking user's,
/// and nobody's.
public struct ConversationCounts: Sendable, Equatable {
    public var total: [ConversationStatus: Int]
    public var mine: [ConversationStatus: Int]
    public var unassigned: [ConversationStatus: Int]

    public init(total: [ConversationStatus: Int] = [:], mine: [ConversationStatus: Int] = [:], unassigned: [ConversationStatus: Int] = [:]) {
        self.total = total
        self.mine = mine
        self.unassigned = unassigned
    }

    public func count(_ status: ConversationStatus) -> Int { total[status] ?? 0 }
}
