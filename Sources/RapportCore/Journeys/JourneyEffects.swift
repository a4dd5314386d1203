import Foundation

/// The effects of the steps a batch ran, applied in the runner's write transaction.
enum JourneyEffects {
    /// Tags added and removed and attributes set, per customer in the order the steps ran;
    /// each customer changed is written once, and the `customer.updated` events of all of
    /// them recorded together (segments and other journeys hear them in turn). A change that
    /// would break the profile's limits (too many tags) is left out, not fatal to the batch.
    static func updateProfiles(
        _ changes: [JourneyProfileChange], workspaceIDs: [String: String], at now: Date, transaction: WriteTransaction
    ) async throws {
        guard !changes.isEmpty else { return }
        let session = transaction.session
        let byCustomer = Dictionary(grouping: changes, by: \.customerID)
        var recorded: [any DomainChange] = []
        for (workspaceID, customerIDs) in Dictionary(grouping: byCustomer.keys, by: { workspaceIDs[$0] ?? "" }) {
            for var customer in try await session.customers.find(ids: customerIDs, workspaceID: workspaceID)
            where customer.deletedAt == nil && customer.mergedIntoID == nil {
                var profile = customer.profile
                for change in byCustomer[customer.id] ?? [] {
                    let update = change.update
                    let added = Set(update.addTags.map(ProfileRules.canonicalTag))
                    let removed = Set(update.removeTags.map(ProfileRules.canonicalTag))
                    profile.tags = Set(profile.tags).union(added).subtracting(removed).sorted()
                    for (key, value) in update.attributes { profile.attributes[key] = .string(value) }
                }
                guard profile != customer.profile, ProfileRules.problems(in: profile).isEmpty else { continue }
                customer.profile = profile
                customer.updatedAt = now
                try await session.customers.update(customer)
                recorded.append(CustomerChange(.updated, customer))
            }
        }
        // Recorded together: the subscribers (segments, journeys) handle the batch at once.
        try await transaction.record(recorded)
    }

    /// Each webhook step reached: its `journey.webhook` event logged (the subscribers hear it
    /// like any change) and a `webhook.deliver` job for the one outgoing webhook the step
    /// names, with the event dispatcher's unique key, so it is delivered once, signed with
    /// that webhook's secret, retried with backoff, its attempts listed with the webhook's. A
    /// webhook deleted since the journey was published: the step does nothing (`no_webhook`,
    /// answered by run index).
    static func callWebhooks(_ requested: [(runIndex: Int, change: JourneyWebhookChange)], at now: Date, transaction: WriteTransaction) async throws
        -> [Int: String]
    {
        guard !requested.isEmpty else { return [:] }
        var skipped: [Int: String] = [:]
        var calls: [JourneyWebhookChange] = []
        var known: [String: Bool] = [:]
        for (index, call) in requested {
            var exists = known[call.webhookID]
            if exists == nil { exists = try await transaction.session.webhooks.find(id: call.webhookID, workspaceID: call.workspaceID) != nil }
            known[call.webhookID] = exists
            if exists == true { calls.append(call) } else { skipped[index] = "no_webhook" }
        }
        guard !calls.isEmpty else { return skipped }
        let events = calls.map { transaction.context.event($0) }
        try await transaction.record(calls, prebuilt: events)
        let encoder = JSONCoding.makeEncoder()
        let jobs = try zip(calls, events).map { call, event in
            JobRequest(
                kind: WebhookDeliveryPayload.jobKind,
                payload: String(decoding: try encoder.encode(WebhookDeliveryPayload(subscriptionID: call.webhookID, eventID: event.id)), as: UTF8.self),
                uniqueKey: "\(call.webhookID):\(event.id)", maxAttempts: 10)
        }
        try await transaction.session.jobs.enqueue(jobs, now: now)
        return skipped
    }
}
