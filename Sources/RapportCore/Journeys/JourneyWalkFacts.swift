import Foundation

/// What a walk needs to know of the customer that the definition does not say, read for a
/// whole batch before it walks: their time zone (for `wait_until`), whether they have a
/// support conversation open, the branch each branch step's conditions chose (asked in SQL, a
/// batch at a time: nil while not asked yet, `.some(nil)` for `otherwise`), and their draw for
/// each split.
public struct JourneyWalkFacts: Sendable {
    public var timeZone: TimeZone
    public var hasOpenConversation: Bool
    public var branchTaken: [String: Int?]
    /// A number in [0, 1) per split step's key, the same on a rerun (drawn from the
    /// enrolment's id and the step's key).
    public var splitDraw: @Sendable (String) -> Double

    public init(timeZone: TimeZone, hasOpenConversation: Bool = false, branchTaken: [String: Int?] = [:], splitDraw: @escaping @Sendable (String) -> Double) {
        self.timeZone = timeZone
        self.hasOpenConversation = hasOpenConversation
        self.branchTaken = branchTaken
        self.splitDraw = splitDraw
    }
}
