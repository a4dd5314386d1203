import Foundation

/// What a journey does (ADR 0013): who enters it and when (`trigger`, `entry`), what happens
/// to them step by step (`steps`, starting at the first), and the rules over all of it: leave
/// when the trigger's segment is left, hold marketing while a support conversation is open,
/// quiet hours, a holdout, and a goal that ends the journey. A published version is frozen.
public struct JourneyDefinition: Sendable, Equatable {
    public static let defaultHoldoutShare = 0.0
    public static let maximumHoldoutShare = 0.5

    public var trigger: JourneyTrigger
    public var entry: JourneyEntryRule
    public var steps: [JourneyStep]
    /// Leave the journey when leaving the segment that let the customer in (a segment trigger only).
    public var exitsOnSegmentLeft: Bool
    public var openConversation: JourneyOpenConversationRule
    /// Messages wait out each recipient's quiet hours; nil: as for campaigns (on for SMS and
    /// WhatsApp, off for e-mail).
    public var quietHours: Bool?
    /// The share of entrants who get nothing, as a baseline for the goal's conversion.
    public var holdoutShare: Double
    public var goal: JourneyGoal?

    public init(
        trigger: JourneyTrigger, entry: JourneyEntryRule = .once, steps: [JourneyStep], exitsOnSegmentLeft: Bool = false,
        openConversation: JourneyOpenConversationRule = .wait, quietHours: Bool? = nil, holdoutShare: Double = JourneyDefinition.defaultHoldoutShare,
        goal: JourneyGoal? = nil
    ) {
        self.trigger = trigger
        self.entry = entry
        self.steps = steps
        self.exitsOnSegmentLeft = exitsOnSegmentLeft
        self.openConversation = openConversation
        self.quietHours = quietHours
        self.holdoutShare = holdoutShare
        self.goal = goal
    }

    /// Where everyone starts.
    public var firstStep: JourneyStep { steps[0] }

    /// The step with this key.
    public func step(_ key: String) -> JourneyStep? { steps.first { $0.key == key } }
}
