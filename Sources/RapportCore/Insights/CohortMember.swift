import Foundation

/// A customer as the cohort matrix counts them: their first order and the months they ordered in.
public struct CohortMember: Sendable, Equatable {
    public var firstOrderAt: Date
    public var activeMonths: ActiveMonths

    public init(firstOrderAt: Date, activeMonths: ActiveMonths) {
        self.firstOrderAt = firstOrderAt
        self.activeMonths = activeMonths
    }
}
