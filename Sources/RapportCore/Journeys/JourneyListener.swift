import Foundation

/// Hears what happens to customers as it commits (ADR 0013), in the same transaction: lets
/// them into the live journeys the event triggers, wakes the enrolments waiting for it, marks
/// the goal reached (ending the journey of those still in it), and takes out those who left
/// the segment that let them in. Domain changes reach it as a subscriber; tracked events from
/// `TrackingService.write`, once per group commit. Only events some running journey listens
/// for read anything: the customers' enrolments in one query, the entrants of each journey in
/// one entry. No scan of the waiting.
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
            try await settle(relevant, properties: properties, catalog: catalog, at: now, session: session)

            // Entrants, gathered per journey and let in at once (in the order they came).
            var entrants: [String: (entrance: JourneyCatalog.Entrance, customerIDs: [String])] = [:]
            var order: [String] = []
            for (happening, properties) in zip(relevant, properties) {
                for key in happening.keys {
                    for entrance in catalog.entrances[key] ?? [] {
                        if case .event(let event) = entrance.version.definition.trigger, !event.filters.isEmpty, !event.matches(properties.value) { continue }
                        if entrants[entrance.journey.id] == nil { order.append(entrance.journey.id) }
                        entrants[entrance.journey.id, default: (entrance, [])].customerIDs.append(happening.customerID)
                    }
                }
            }
            for journeyID in order {
                guard let (entrance, customerIDs) = entrants[journeyID] else { continue }
                var seen = Set<String>()
                _ = try await JourneyEntry.enrol(
                    customerIDs.filter { seen.insert($0).inserted }, journey: entrance.journey, version: entrance.version, source: .trigger, at: now,
                    session: session)
            }
        }
    }

    /// What the events mean for the customers' enrolments: a goal reached (by those still in
    /// the journey or who left it within the goal's window, held out or not), a segment left,
    /// an awaited event come.
    private static func settle(
        _ happenings: [JourneyHappening], properties: [JourneyEventProperties], catalog: JourneyCatalog, at now: Date, session: any StoreSession
    ) async throws {
        let watching = happenings.indices.filter { happenings[$0].keys.contains(where: catalog.watched.contains) }
        guard !watching.isEmpty else { return }
        let customerIDs = Array(Set(watching.map { happenings[$0].customerID }))
        let since = now.addingTimeInterval(-Double(JourneyGoal.maximumWindowDays) * 86_400)
        var enrolments = Dictionary(grouping: try await session.journeys.enrolments(customerIDs: customerIDs, inFlightOrEnteredSince: since), by: \.customerID)
        for index in watching {
            let happening = happenings[index]
            let keys = Set(happening.keys)
            for (place, enrolment) in (enrolments[happening.customerID] ?? []).enumerated() {
                guard let definition = catalog.version(journeyID: enrolment.journeyID, version: enrolment.version)?.definition else { continue }
                let inFlight = enrolment.finishedAt == nil
                let heldOut = enrolment.status == .heldOut
                var changed = enrolment
                if let goal = definition.goal, enrolment.convertedAt == nil, keys.contains(JourneyHappening.key(of: goal.event)),
                    now.timeIntervalSince(enrolment.enteredAt) <= Double(goal.withinDays) * 86_400, goal.event.matches(properties[index].value)
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

    /// The key of the event that a wait of the enrolment's version listens for, if the event
    /// is one (passing that step's filters): the step it waits at now, or one it may reach
    /// before the runner's write says so (the write keeps an event that came after the walk
    /// got there). A held message waits for a conversation resolved.
    private static func awaitedKey(
        _ keys: Set<String>, by enrolment: JourneyEnrolment, in definition: JourneyDefinition, properties: JourneyEventProperties
    ) -> String? {
        if enrolment.waitEvent == JourneyHappening.conversationResolvedKey, keys.contains(JourneyHappening.conversationResolvedKey) {
            return JourneyHappening.conversationResolvedKey
        }
        for step in definition.steps {
            guard case .waitForEvent(let event, _, _, _) = step.kind else { continue }
            let key = JourneyHappening.key(of: event)
            if keys.contains(key), event.filters.isEmpty || event.matches(properties.value) { return key }
        }
        return nil
    }
}
