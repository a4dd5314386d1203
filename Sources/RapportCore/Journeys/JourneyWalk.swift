import Foundation

/// Moves one customer through a journey's steps from where they are, at `now`, until they
/// must wait or leave: the pure rule the runner applies to each enrolment it claims (ADR 0013).
/// It answers the steps it ran (each with its effect) and where it stopped; the runner writes
/// both in one transaction, so a step's effects and the move past it happen together.
///
/// - A `wait` ends at the time the step was reached plus its duration, so waits one after the
///   other do not drift when the runner comes late. `wait_until` ends at the next time the
///   customer's clock shows the time after the step was reached; if that is more than
///   `lateness` ago (the runner was down), at the next one after `now`, so a morning message
///   never goes at night. With `anniversary_of`, it ends at that time on the day the
///   customer's date comes round on their clock (`JourneyAnniversary`); without the date, or
///   with the day gone by while the runner was down, the walk ends there (skipped).
/// - A `wait_for_event` counts its timeout from when the customer got there, or from `now`
///   when the walk gets there late: the window is never spent before anyone listened. It ends
///   at `next` when the runner says the event came (`facts.eventArrived`), at `on_timeout`
///   after the timeout.
/// - A marketing message while a support conversation is open is held
///   (`open_conversation` `wait`: `.held`, at most `JourneyOpenConversationRule.longestWait`,
///   then it is skipped), is skipped (`skip`), or goes (`ignore`).
/// - A branch takes the answer asked for it where the walk starts (`facts.branchTaken`); a
///   branch reached later in the walk stops it, to be asked after this walk's effects are written.
/// - A split takes the path the customer's draw falls in.
public enum JourneyWalk {
    /// How late a `wait_until` may still go at its own time.
    public static let lateness: TimeInterval = 3_600

    public static func walk(
        _ definition: JourneyDefinition, from start: JourneyPosition, at now: Date, facts: JourneyWalkFacts, visits: (String) -> Int
    ) -> (runs: [JourneyStepRun], end: JourneyWalkEnd) {
        var runs: [JourneyStepRun] = []
        var position = start
        // Each way round passes a wait of an hour or a `wait_until` (the parser's rule); a walk
        // that runs longer than this (waits all overdue after the runner was down) goes on in
        // the next round instead of running on.
        for _ in 0...(definition.steps.count * 2) {
            guard let step = definition.step(position.stepKey) else { return (runs, .finished) }
            let atStart = runs.isEmpty && position == start
            let next: String?
            switch step.kind {
            case .wait(let seconds, let after), .waitRebuyInterval(let seconds, let after):
                var until = position.since.addingTimeInterval(seconds)
                // Their own rhythm: when their next purchase is due, not before the step was reached.
                if case .waitRebuyInterval = step.kind, let due = facts.rebuyDue { until = max(position.since, due) }
                guard until <= now else { return (runs, .waiting(position, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = after
            case .waitUntil(let time, let after):
                var until = CampaignDeliveryTiming.nextInstant(of: time, after: position.since, in: facts.timeZone) ?? position.since
                if until < now.addingTimeInterval(-lateness) {
                    until = CampaignDeliveryTiming.nextInstant(of: time, after: now, in: facts.timeZone) ?? now
                }
                guard until <= now else { return (runs, .waiting(position, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = after
            case .waitUntilAnniversary(let attribute, let time, let after):
                // Without the date, or with the day gone by while the runner was down, the walk ends here.
                guard let date = facts.dates[attribute].flatMap(JourneyAnniversary.monthDay),
                    var until = JourneyAnniversary.next(
                        month: date.month, day: date.day, at: time, in: facts.timeZone, from: position.since, catchingUp: position.visit == 1)
                else {
                    runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, skipped: "no_date"))
                    return (runs, .finished)
                }
                if until < now.addingTimeInterval(-lateness) {
                    guard JourneyAnniversary.isCatchUp(now, month: date.month, day: date.day, in: facts.timeZone) else {
                        runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, skipped: "anniversary_missed"))
                        return (runs, .finished)
                    }
                    until = now
                }
                guard until <= now else { return (runs, .waiting(position, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = after
            case .waitForEvent(let event, let timeout, let arrived, let onTimeout):
                if atStart, facts.eventArrived {
                    runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now))
                    next = arrived
                } else {
                    let until = position.since.addingTimeInterval(timeout)
                    guard until <= now else { return (runs, .waitingForEvent(position, event, until: until)) }
                    runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                    next = onTimeout
                }
            case .branch(let branches, let otherwise):
                guard atStart, let taken = facts.branchTaken[step.key] else { return (runs, .needsBranch(position)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now))
                next = taken.map { branches.indices.contains($0) ? branches[$0].next : otherwise } ?? otherwise
            case .split(let paths):
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now))
                next = path(of: paths, at: facts.splitDraw(step.key))
            case .send(let send, let after):
                if send.isMarketing, facts.hasOpenConversation {
                    switch definition.openConversation {
                    case .wait:
                        let heldSince = position.heldSince ?? now
                        let until = heldSince.addingTimeInterval(JourneyOpenConversationRule.longestWait)
                        if now < until {
                            var held = position
                            held.heldSince = heldSince
                            return (runs, .held(held, until: until))
                        }
                        runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, skipped: "open_conversation_timeout"))
                    case .skip:
                        runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, skipped: "open_conversation"))
                    case .ignore:
                        runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, effect: .send(send)))
                    }
                } else {
                    runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, effect: .send(send)))
                }
                next = after
            case .updateProfile, .task, .note, .assign, .webhook, .survey:
                guard let action = step.kind.action else { return (runs, .finished) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, effect: action.effect))
                next = action.next
            case .exit:
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now))
                return (runs, .finished)
            }
            guard let next else { return (runs, .finished) }
            // Reached when the last step ended; a wait for an event starts listening now.
            var reached = runs.last?.at ?? now
            if case .waitForEvent? = definition.step(next)?.kind { reached = max(reached, now) }
            position = JourneyPosition(stepKey: next, visit: visits(next) + runs.filter { $0.stepKey == next }.count + 1, since: reached)
        }
        return (runs, .waiting(position, until: now))
    }

    /// The path a draw in [0, 1) falls in, the shares laid end to end (the last takes any rounding).
    static func path(of paths: [JourneySplitPath], at draw: Double) -> String? {
        var edge = 0.0
        for path in paths.dropLast() {
            edge += path.share
            if draw < edge { return path.next }
        }
        return paths.last?.next
    }
}
