/// What a lead does that a scoring rule gives points for. Each counts at most once a day per
/// rule and lead, so a burst of calls (or a browser key repeating one) adds a day's points, not
/// a call's.
public enum LeadScoringSignal: String, Sendable, Equatable, CaseIterable {
    /// A visit to the shop: any page call, or a `Page Viewed` track.
    case visit
    /// A page whose path starts with the rule's `match` (`/pricing`, `/wholesale`).
    case page
    /// A tracked event named as the rule's `match` (`Catalogue Downloaded`).
    case event

    /// Whether a rule of this signal names what it matches.
    public var needsMatch: Bool { self != .visit }
}
