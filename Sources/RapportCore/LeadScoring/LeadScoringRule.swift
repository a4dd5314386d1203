import Foundation

/// A rule of the workspace's lead scoring: a signal, what it matches, the points it gives and
/// how fast they fade (a half-life in days; nil keeps them whole). A lead's rule score is
/// Σ points × ½^(age ÷ half-life) over the facts its rules recorded (`LeadScoreFact.worth`).
public struct LeadScoringRule: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var signal: LeadScoringSignal
    /// The path prefix of a `page` rule, the event name of an `event` rule; nil for `visit`.
    public var match: String?
    public var points: Int
    public var halfLifeDays: Int?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, signal: LeadScoringSignal, match: String?, points: Int, halfLifeDays: Int?, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.signal = signal
        self.match = match
        self.points = points
        self.halfLifeDays = halfLifeDays
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension LeadScoringRule {
    /// The tracked event name a visit may also come as (Segment's page spec, sent as a track).
    public static let pageViewed = "Page Viewed"

    /// Whether a tracked call (its type, event name and page path) is what the rule gives points
    /// for: a page call or `Page Viewed` track for a visit, and for a page rule one whose path
    /// starts with the rule's; a track call of the rule's event name (exactly) for an event rule.
    public func matches(type: TrackedEventType, event: String?, path: String?) -> Bool {
        let isPageView = type == .page || (type == .track && event == Self.pageViewed)
        switch signal {
        case .visit: return isPageView
        case .page: return isPageView && match.map { prefix in path?.hasPrefix(prefix) ?? false } ?? false
        case .event: return type == .track && event != nil && event == match
        }
    }
}
