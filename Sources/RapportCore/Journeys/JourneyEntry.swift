import Foundation

/// Lets customers into a journey's version under its entry rule (ADR 0013): never while they
/// are in it; `once` never again; `once_per` not within its days of their last entry;
/// `every_time` whenever they are out. The holdout is drawn here, by the journey's id and the
/// customer's (the draw campaigns use), so a customer is held out of a journey every time or
/// never. Entrants are due at once.
enum JourneyEntry {
    /// The enrolments made; `orders` names the order that let each customer in, when one did.
    static func enrol(
        _ customerIDs: [String], journey: Journey, version: JourneyVersion, source: JourneyEntrySource, orders: [String: String] = [:], at now: Date,
        session: any StoreSession
    ) async throws -> [JourneyEnrolment] {
        guard !customerIDs.isEmpty else { return [] }
        let definition = version.definition
        let last = try await session.journeys.lastEntries(journeyID: journey.id, customerIDs: customerIDs)
        let admitted = customerIDs.filter { customerID in
            guard let entry = last[customerID] else { return true }
            if entry.inFlight { return false }
            switch definition.entry {
            case .once: return false
            case .oncePer(let days): return now.timeIntervalSince(entry.enteredAt) >= Double(days) * 86_400
            case .everyTime: return true
            }
        }
        let goalWindow = Double(definition.goal?.withinDays ?? JourneyGoal.defaultWindowDays) * 86_400
        // A journey that starts by waiting for an event listens from the moment of entry: an
        // event that comes before the runner's first pass must not be missed.
        var awaited: (key: String, timeout: TimeInterval)?
        if case .waitForEvent(let event, let timeout, _, _) = definition.firstStep.kind { awaited = (JourneyHappening.key(of: event), timeout) }
        let enrolments = admitted.map { customerID in
            let heldOut = CampaignRecipientRule.isHeldOut(customerID: customerID, campaignID: journey.id, share: definition.holdoutShare)
            let position = JourneyPosition(stepKey: definition.firstStep.key, visit: 1, since: now)
            if heldOut {
                return JourneyEnrolment(
                    id: ResourceID.make(.journeyEnrolment, at: now), journeyID: journey.id, version: version.version, workspaceID: journey.workspaceID,
                    customerID: customerID, status: .heldOut, position: position, dueAt: now.addingTimeInterval(goalWindow), enteredAt: now,
                    updatedAt: now, source: source.rawValue, orderID: orders[customerID])
            }
            return JourneyEnrolment(
                id: ResourceID.make(.journeyEnrolment, at: now), journeyID: journey.id, version: version.version, workspaceID: journey.workspaceID,
                customerID: customerID, status: awaited == nil ? .active : .waiting, position: position,
                dueAt: awaited.map { now.addingTimeInterval($0.timeout) } ?? now, waitEvent: awaited?.key, enteredAt: now, updatedAt: now,
                source: source.rawValue, orderID: orders[customerID])
        }
        let inserted = Set(try await session.journeys.enrol(enrolments))
        return enrolments.filter { inserted.contains($0.id) }
    }
}
