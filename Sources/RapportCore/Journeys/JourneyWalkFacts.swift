import Foundation

/// What a walk needs to know of the customer that the definition does not say, read for a
/// whole batch before it walks: their time zone (for `wait_until`), whether they have a
/// support conversation open, whether the event the walk's first step waits for came, the
/// branch the first step's conditions chose (asked in SQL, a batch at a time; a branch reached
/// later is asked in a later round), and their draw for each split.
public struct JourneyWalkFacts: Sendable {
    public var timeZone: TimeZone
    public var hasOpenConversation: Bool
    /// The event the starting `wait_for_event` waits for came (the runner matched it as it committed).
    public var eventArrived: Bool
    /// For the starting branch step's key: the index of the branch whose condition held, or
    /// nil (a present key with a nil value) for `otherwise`.
    public var branchTaken: [String: Int?]
    /// A number in [0, 1) per split step's key, the same on a rerun (drawn from the
    /// enrolment's id and the step's key).
    public var splitDraw: @Sendable (String) -> Double
    /// When the customer's next purchase is due (`JourneyRebuyInterval.due`), read when their
    /// version waits for it; nil while their history does not tell it.
    public var rebuyDue: Date?
    /// The customer's custom attributes a `wait_until` with `anniversary_of` names, as text,
    /// read when their version has one.
    public var dates: [String: String]

    public init(
        timeZone: TimeZone, hasOpenConversation: Bool = false, eventArrived: Bool = false, branchTaken: [String: Int?] = [:],
        splitDraw: @escaping @Sendable (String) -> Double, rebuyDue: Date? = nil, dates: [String: String] = [:]
    ) {
        self.dates = dates
        self.rebuyDue = rebuyDue
        self.timeZone = timeZone
        self.hasOpenConversation = hasOpenConversation
        self.eventArrived = eventArrived
        self.branchTaken = branchTaken
        self.splitDraw = splitDraw
    }
}
