import Foundation

/// Moves one customer through a journey's steps from where they are, at `now`, until they
/// must wait or leave: the pure rule the runner applies to each enrolment it claims (ADR 0013).
/// It answers the steps it ran (each with its effect) and where it stopped; the runner writes
/// both in one transaction, so a step's effects and the move past it happen together.
///
/// - A `wait` ends at the time the step was reached plus its duration (a late runner does not
///   push it back); `wait_until` at the next time the customer's clock shows the time.
/// - A marketing message while a support conversation is open waits for it to be resolved
///   (`open_conversation` `wait`, at most `JourneyOpenConversationRule.longestWait`, then it
///   is skipped), is skipped (`skip`), or goes (`ignore`).
/// - A branch needs its answer from `facts.branchTaken`; without one the walk stops there.
/// - A split takes the path the customer's draw falls in.
public enum JourneyWalk {
    public static func walk(
        _ definition: JourneyDefinition, from position: JourneyPosition, at now: Date, facts: JourneyWalkFacts, visits: (String) -> Int
    ) -> (runs: [JourneyStepRun], end: JourneyWalkEnd) {
        var runs: [JourneyStepRun] = []
        var position = position
        // A way round passes a long wait (the parser's rule): more steps than these is a bug.
        for _ in 0...(definition.steps.count * 2) {
            guard let step = definition.step(position.stepKey) else { return (runs, .finished) }
            let next: String?
            switch step.kind {
            case .wait(let seconds, let after):
                let until = position.since.addingTimeInterval(seconds)
                guard until <= now else { return (runs, .waiting(position, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = after
            case .waitUntil(let time, let after):
                let until = CampaignDeliveryTiming.nextInstant(of: time, after: position.since, in: facts.timeZone) ?? position.since
                guard until <= now else { return (runs, .waiting(position, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = after
            case .waitForEvent(let event, let timeout, _, let onTimeout):
                // The event ends the wait through the runner (it moves the customer to `next`);
                // the walk comes here only to start the wait, or once the timeout passed.
                let until = position.since.addingTimeInterval(timeout)
                guard until <= now else { return (runs, .waitingForEvent(position, event, until: until)) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: until))
                next = onTimeout
            case .branch(let branches, let otherwise):
                guard let taken = facts.branchTaken[step.key] else { return (runs, .needsBranch(position)) }
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
                            return (runs, .waitingForEvent(held, JourneyEvent(source: .domain, name: "conversation.resolved"), until: until))
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
            case .updateProfile, .task, .note, .assign, .webhook:
                guard let action = step.kind.action else { return (runs, .finished) }
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now, effect: action.effect))
                next = action.next
            case .exit:
                runs.append(JourneyStepRun(stepKey: step.key, visit: position.visit, at: now))
                return (runs, .finished)
            }
            guard let next else { return (runs, .finished) }
            let reached = runs.last?.at ?? now
            position = JourneyPosition(stepKey: next, visit: visits(next) + runs.filter { $0.stepKey == next }.count + 1, since: reached)
        }
        return (runs, .finished)
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
