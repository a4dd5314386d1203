import Foundation

/// Collects the changes of commerce writes inside one transaction, with their events built as
/// they are added (so a log built on another core, while orders are inserted, carries its
/// events' JSON), and records them together at the end.
struct CommerceChangeLog: Sendable {
    let context: CoreContext
    private(set) var changes: [any DomainChange] = []
    private(set) var events: [DomainEvent] = []

    init(context: CoreContext) {
        self.context = context
    }

    mutating func add(_ change: some DomainChange) {
        changes.append(change)
        events.append(context.event(change))
    }

    /// The changes of new orders, built apart (on another core, while the orders are inserted)
    /// and then added with `append`.
    static func creations(of orders: [Order], context: CoreContext) -> CommerceChangeLog {
        var log = CommerceChangeLog(context: context)
        for order in orders { log.add(OrderChange(.created, order)) }
        return log
    }

    mutating func append(_ other: CommerceChangeLog) {
        changes += other.changes
        events += other.events
    }

    /// Records what was collected.
    mutating func flush(to transaction: WriteTransaction) async throws {
        try await transaction.record(changes, prebuilt: events)
        changes.removeAll()
        events.removeAll()
    }
}
