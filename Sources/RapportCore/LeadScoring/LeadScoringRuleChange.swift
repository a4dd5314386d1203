/// What a caller sets on a scoring rule; nil leaves a field as it is (`halfLifeDays` `.some(nil)`
/// clears it, `match` `.some(nil)` too, for a `visit` rule).
public struct LeadScoringRuleChange: Sendable, Equatable {
    public var name: String?
    public var signal: LeadScoringSignal?
    public var match: String??
    public var points: Int?
    public var halfLifeDays: Int??

    public init(name: String? = nil, signal: LeadScoringSignal? = nil, match: String?? = nil, points: Int? = nil, halfLifeDays: Int?? = nil) {
        self.name = name
        self.signal = signal
        self.match = match
        self.points = points
        self.halfLifeDays = halfLifeDays
    }
}
