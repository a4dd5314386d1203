import Foundation

/// What a step does, and which step comes next (nil: the journey ends there).
public enum JourneyStepKind: Sendable, Equatable {
    /// Wait this many seconds.
    case wait(seconds: TimeInterval, next: String?)
    /// Wait until the customer's next purchase is due by their own re-buy interval (the median
    /// time between their purchases, after their last), or `fallbackSeconds` while it is not known.
    case waitRebuyInterval(fallbackSeconds: TimeInterval, next: String?)
    /// Wait until this time on the customer's own clock on the day a date of theirs (the custom
    /// attribute named) comes round (`JourneyAnniversary`); without the date, the walk ends.
    case waitUntilAnniversary(attribute: String, time: CampaignTimeOfDay, next: String?)
    /// Wait until this time on the customer's own clock (today's if still ahead, else tomorrow's).
    case waitUntil(CampaignTimeOfDay, next: String?)
    /// Wait until the event happens (then `next`) or the timeout passes (then `onTimeout`).
    case waitForEvent(JourneyEvent, timeoutSeconds: TimeInterval, next: String?, onTimeout: String?)
    /// The first branch whose condition (the segment language) holds when reached, else `otherwise`.
    case branch([JourneyBranch], otherwise: String?)
    /// A random path by share (an A/B test).
    case split([JourneySplitPath])
    /// A message by e-mail, SMS or WhatsApp, under the campaign rules.
    case send(JourneySend, next: String?)
    /// Tags added or removed, attributes set.
    case updateProfile(JourneyProfileUpdate, next: String?)
    /// A task for a team (a call to a VIP).
    case task(JourneyTask, next: String?)
    /// A private note for the team in the customer's unresolved conversation in an inbox.
    case note(JourneyNote, next: String?)
    /// The customer's unresolved conversations given to a team.
    case assign(teamID: String, next: String?)
    /// A signed POST of the journey, step and customer to an outgoing webhook of the workspace.
    case webhook(webhookID: String, next: String?)
    /// A survey (NPS, CSAT, CES) for the customer, under the surveys' rules (`SurveyAsking`).
    case survey(SurveyKind, next: String?)
    /// Leave the journey here.
    case exit

    /// Every step this one may lead to, in order.
    public var successors: [String] {
        switch self {
        case .wait(_, let next), .waitRebuyInterval(_, let next), .waitUntil(_, let next), .waitUntilAnniversary(_, _, let next), .send(_, let next), .updateProfile(_, let next), .task(_, let next),
            .note(_, let next), .assign(_, let next), .webhook(_, let next), .survey(_, let next):
            return next.map { [$0] } ?? []
        case .waitForEvent(_, _, let next, let onTimeout):
            return [next, onTimeout].compactMap { $0 }
        case .branch(let branches, let otherwise):
            return branches.compactMap(\.next) + (otherwise.map { [$0] } ?? [])
        case .split(let paths):
            return paths.compactMap(\.next)
        case .exit:
            return []
        }
    }

    /// The shortest `wait` that breaks a way round the journey.
    public static let shortestLoopWait: TimeInterval = 3_600

    /// Whether a way round the journey through this step is bounded in time: a wait of at
    /// least `shortestLoopWait`, or until a time of day (once a day at most). A wait for an
    /// event is not: the journey's own steps can cause the event (a tag changed records
    /// `customer.updated`), and an event can come at once.
    public var breaksLoop: Bool {
        switch self {
        case .wait(let seconds, _): seconds >= Self.shortestLoopWait
        case .waitRebuyInterval(let fallback, _): fallback >= Self.shortestLoopWait && JourneyRebuyInterval.shortest >= Self.shortestLoopWait
        case .waitUntil, .waitUntilAnniversary: true
        default: false
        }
    }

    /// For a step that acts and goes on (a profile change, a task, a note, an assignment, a
    /// webhook call, a survey): what it does and where it goes; nil for the others.
    public var action: (effect: JourneyEffect, next: String?)? {
        switch self {
        case .updateProfile(let update, let next): (.updateProfile(update), next)
        case .task(let task, let next): (.task(task), next)
        case .note(let note, let next): (.note(note), next)
        case .assign(let teamID, let next): (.assign(teamID: teamID), next)
        case .webhook(let webhookID, let next): (.webhook(webhookID: webhookID), next)
        case .survey(let kind, let next): (.survey(kind), next)
        case .wait, .waitRebuyInterval, .waitUntil, .waitUntilAnniversary, .waitForEvent, .branch, .split, .send, .exit: nil
        }
    }

    /// Whether it is marketing, held while a support conversation is open.
    public var isMarketing: Bool {
        if case .send(let send, _) = self { send.isMarketing } else { false }
    }
}
