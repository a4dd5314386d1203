import Foundation

/// Customers grouped by the month of their first order; for each later month, the share of
/// the cohort that ordered in it (month 1 is the month after the first order).
public struct CohortRetention: Sendable, Equatable {
    public var cohorts: [RetentionCohort]

    /// From the orders of every customer whose first order is on or after `start` (the first
    /// day of a month), up to `end`.
    public init(facts: [OrderFact], start: Date, end: Date) {
        func monthIndex(_ date: Date) -> Int { UTCMonth(date).index }
        let first = monthIndex(start), last = monthIndex(end.addingTimeInterval(-1))
        var members: [Int: Set<String>] = [:]
        var active: [Int: [Int: Set<String>]] = [:]
        for fact in facts where fact.firstOrderAt >= start && fact.firstOrderAt < end {
            let cohort = monthIndex(fact.firstOrderAt)
            members[cohort, default: []].insert(fact.customerID)
            let offset = monthIndex(fact.placedAt) - cohort
            if offset > 0 { active[cohort, default: [:]][offset, default: []].insert(fact.customerID) }
        }
        cohorts = (first...max(first, last)).compactMap { index in
            guard let people = members[index], !people.isEmpty else { return nil }
            let month = UTCMonth(index: index).start
            let retention = (0..<max(0, last - index)).map { offset in
                Double(active[index]?[offset + 1]?.count ?? 0) / Double(people.count)
            }
            return RetentionCohort(month: month, customers: people.count, retention: retention)
        }
    }
}
