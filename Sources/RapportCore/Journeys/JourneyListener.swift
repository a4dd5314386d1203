import Foundation

/// Hears what happens to customers as it commits (ADR 0013), in the same transaction: lets
/// them into the live journeys the event triggers, wakes the enrolments waiting for it, marks
/// the goal reached (ending the journey of those still in it), and takes out those who left
/// the segment that let them in. Domain changes reach it as a subscriber; tracked events from
/// `TrackingService.write`, once per group commit. Only events some running journey listens
/// for read anything: the entrants of each journey in one entry, the customers' enrolments in
/// one query. No scan of the waiting.
///
/// Entrants are let in first; then the events are applied in the order they happened, each
/// only to enrolments that existed by then (an order that came in the same batch after the
/// checkout that started an abandoned-cart journey ends its wait; one before it does not).
struct JourneyListener: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        try await Self.heard(changes.compactMap(JourneyHappening.of), in: transaction)
    }

    static func heard(_ happenings: [JourneyHappening], in transaction: WriteTransaction) async throws {
        guard !happenings.isEmpty else { return }
        let session = transaction.session
        let now = transaction.now
        for (workspaceID, heard) in Dictionary(grouping: happenings, by: \.workspaceID) {
            let catalog = try await transaction.context.journeyCatalogs.catalog(workspaceID: workspaceID, session: session)
            guard !catalog.isEmpty else { continue }
            let relevant = heard.filter { catalog.listens(to: $0.keys) }
            guard !relevant.isEmpty else { continue }
            let properties = relevant.map { JourneyEventProperties($0.properties) }

            // Entrants, gathered per journey (each with the place of the event that let them in) and let in at once.
            var entrants: [String: (entrance: JourneyCatalog.Entrance, customers: [(id: String, place: Int)])] = [:]
            var order: [String] = []
            for (place, happening) in relevant.enumerated() {
                for key in happening.keys {
                    for entrance in catalog.entrances[key] ?? [] {
                        if case .event(let event) = entrance.version.definition.trigger, !event.filters.isEmpty, !event.matches(properties[place].value) {
                            continue
                        }
                        if entrants[entrance.journey.id] == nil { order.append(entrance.journey.id) }
                        entrants[entrance.journey.id, default: (entrance, [])].customers.append((happening.customerID, place))
                    }
                }
            }
            var enteredAt: [String: Int] = [:]
            for journeyID in order {
                guard let (entrance, customers) = entrants[journeyID] else { continue }
                var firstPlace: [String: Int] = [:]
                var orders: [String: String] = [:]
                for customer in customers where firstPlace[customer.id] == nil {
                    firstPlace[customer.id] = customer.place
                    orders[customer.id] = relevant[customer.place].orderID
                }
                var seen = Set<String>()
                let enrolled = try await JourneyEntry.enrol(
                    customers.map(\.id).filter { seen.insert($0).inserted }, journey: entrance.journey, version: entrance.version, source: .trigger,
                    orders: orders, at: now, session: session)
                for enrolment in enrolled { enteredAt[enrolment.id] = firstPlace[enrolment.customerID] }
            }
            try await settle(relevant, properties: properties, enteredAt: enteredAt, catalog: catalog, at: now, session: session)
        }
    }

    /// What the events mean for the customers' enrolments, in the order they happened: a goal
    /// reached (credited to the latest enrolment in the journey, in flight or left within the
    /// goal's window, held out or not), a segment left, an awaited event come. `enteredAt`:
    /// for enrolments made by these events, the place of the event that made each.
    private static func settle(
        _ happenings: [JourneyHappening], properties: [JourneyEventProperties], enteredAt: [String: Int], catalog: JourneyCatalog, at now: Date,
        session: any StoreSession
    ) async throws {
        let watching = happenings.indices.filter { happenings[$0].keys.contains(where: catalog.watched.contains) }
        guard !watching.isEmpty else { return }
        let customerIDs = Array(Set(watching.map { happenings[$0].customerID }))
        let since = now.addingTimeInterval(-Double(JourneyGoal.maximumWindowDays) * 86_400)
        var enrolments = Dictionary(
            grouping: try await session.journeys.enrolments(customerIDs: customerIDs, inFlightOrEnteredSince: since, journeyIDsWithGoals: catalog.journeyIDsWithGoals),
            by: \.customerID)
        for index in watching {
            let happening = happenings[index]
            let keys = Set(happening.keys)
            let theirs = enrolments[happening.customerID] ?? []
            // The goal is credited to the latest enrolment of each journey only.
            var latest: [String: String] = [:]
            for enrolment in theirs where (enteredAt[enrolment.id] ?? -1) < index { latest[enrolment.journeyID] = enrolment.id }
            for (place, enrolment) in theirs.enumerated() where (enteredAt[enrolment.id] ?? -1) < index {
                guard let definition = catalog.version(journeyID: enrolment.journeyID, version: enrolment.version)?.definition else { continue }
                let inFlight = enrolment.finishedAt == nil
                let heldOut = enrolment.status == .heldOut
                var changed = enrolment
                if let goal = definition.goal, latest[enrolment.journeyID] == enrolment.id, enrolment.convertedAt == nil,
                    keys.contains(JourneyHappening.key(of: goal.event)), now.timeIntervalSince(enrolment.enteredAt) <= Double(goal.withinDays) * 86_400,
                    goal.event.matches(properties[index].value)
                {
                    if inFlight {
                        try await session.journeys.finish(enrolmentIDs: [enrolment.id], status: heldOut ? .heldOut : .completed, reason: "goal", at: now, converted: true)
                        changed.finishedAt = now
                    } else {
                        try await session.journeys.markConverted(enrolmentIDs: [enrolment.id], at: now)
                    }
                    changed.convertedAt = now
                } else if inFlight, definition.exitsOnSegmentLeft, case .segmentEntered(let segmentID) = definition.trigger,
                    keys.contains(JourneyHappening.segmentLeftKey(segmentID))
                {
                    try await session.journeys.finish(enrolmentIDs: [enrolment.id], status: heldOut ? .heldOut : .exited, reason: "segment_left", at: now, converted: false)
                    changed.finishedAt = now
                } else if inFlight, !heldOut, let key = awaitedKey(keys, by: enrolment, in: definition, properties: properties[index]) {
                    try await session.journeys.noteEvent(enrolmentIDs: [enrolment.id], name: key, at: now)
                }
                enrolments[happening.customerID]?[place] = changed
            }
        }
    }

    /// The key of the event the enrolment's wait listens for, if the event is one: at a wait
    /// for an event, that step's event with that step's filters; at another step (a runner
    /// may be walking it to a wait), any wait of the journey whose event and filters it
    /// matches (the runner's write keeps it only for a wait it reached before the event
    /// came). A held message waits for a conversation resolved.
    private static func awaitedKey(
        _ keys: Set<String>, by enrolment: JourneyEnrolment, in definition: JourneyDefinition, properties: JourneyEventProperties
    ) -> String? {
        if enrolment.waitEvent == JourneyHappening.conversationResolvedKey {
            return keys.contains(JourneyHappening.conversationResolvedKey) ? JourneyHappening.conversationResolvedKey : nil
        }
        func passes(_ step: JourneyStep) -> String? {
            guard case .waitForEvent(let event, _, _, _) = step.kind else { return nil }
            let key = JourneyHappening.key(of: event)
            return keys.contains(key) && (event.filters.isEmpty || event.matches(properties.value)) ? key : nil
        }
        if enrolment.waitEvent != nil {
            return enrolment.position.flatMap { definition.step($0.stepKey) }.flatMap(passes)
        }
        return definition.steps.lazy.compactMap(passes).first
    }
}
