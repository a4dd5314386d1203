import Foundation

/// Outgoing webhooks: subscriptions, the delivery a job makes, and the attempts it recorded.
public struct WebhookService: Sendable {
    public let store: any DataStore
    public let clock: any WallClock
    /// Where subscribers may be: private addresses are refused unless the operator allows them.
    public let outbound: OutboundTargets

    public init(store: any DataStore, clock: any WallClock, outbound: OutboundTargets = .publicOnly) {
        self.store = store
        self.clock = clock
        self.outbound = outbound
    }

    public func create(url: String, eventTypes: [String], as actor: Actor) async throws -> WebhookSubscription {
        try actor.require(.manageWebhooks)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        problems.url(url.trimmed, "url")
        if problems.list.isEmpty, let reason = outbound.refusal(url: url.trimmed) { problems.add("url", reason) }
        let types = eventTypes.map(\.trimmed)
        if types.isEmpty {
            problems.add("event_types", "must name at least one event type, or \"*\" for all")
        }
        let subscribable = DomainEventType.subscribable
        for (index, type) in types.enumerated() where type != "*" && !subscribable.contains(where: { $0.rawValue == type }) {
            problems.add("event_types[\(index)]", "is not an event type to subscribe to; known types: \(subscribable.map(\.rawValue).joined(separator: ", "))")
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let now = clock.now()
        let subscription = WebhookSubscription(
            id: ResourceID.make(.webhookSubscription, at: now), workspaceID: workspaceID, url: url.trimmed,
            eventTypes: Array(Set(types)).sorted(), secret: RandomSecret.make(prefix: "whsec_"), active: true, createdAt: now)
        try await store.write { session in
            try await session.webhooks.insert(subscription)
            try await session.audit.append(
                AuditRecord(.webhookCreated, subject: .webhook(subscription.id), details: ["events": subscription.eventTypes.joined(separator: ",")]),
                by: actor, at: now)
        }
        return subscription
    }

    /// The workspace's subscriptions, for an admin.
    public func subscriptions(as actor: Actor) async throws -> [WebhookSubscription] {
        try actor.require(.manageWebhooks)
        return try await store.read { session in try await session.webhooks.all(workspaceID: actor.workspaceID) }
    }

    public func subscription(id: String, as actor: Actor) async throws -> WebhookSubscription {
        try actor.require(.manageWebhooks)
        let workspaceID = actor.workspaceID
        guard let found = try await store.read({ session in try await session.webhooks.find(id: id, workspaceID: workspaceID) })
        else { throw RapportError.notFound("No webhook subscription \(id.prefix(64)) in this workspace.") }
        return found
    }

    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageWebhooks)
        let workspaceID = actor.workspaceID
        let now = clock.now()
        let deleted = try await store.write { session in
            guard try await session.webhooks.delete(id: id, workspaceID: workspaceID) else { return false }
            try await session.audit.append(AuditRecord(.webhookDeleted, subject: .webhook(id)), by: actor, at: now)
            return true
        }
        guard deleted else { throw RapportError.notFound("No webhook subscription \(id.prefix(64)) in this workspace.") }
    }

    public func attempts(subscriptionID: String, as actor: Actor, limit: Int = 100) async throws -> [WebhookAttempt] {
        _ = try await subscription(id: subscriptionID, as: actor)
        return try await store.read { session in try await session.webhooks.attempts(subscriptionID: subscriptionID, limit: limit) }
    }

    /// What a delivery job sends, or nil when the subscription or the event is gone (the job
    /// then has nothing to do).
    public func delivery(for job: Job) async throws -> WebhookDelivery? {
        let input = try JSONCoding.makeDecoder().decode(WebhookDeliveryPayload.self, from: Data(job.payload.utf8))
        return try await store.read { session in
            guard let subscription = try await session.webhooks.find(id: input.subscriptionID, workspaceID: nil),
                subscription.active, let stored = try await session.events.event(id: input.eventID)
            else { return nil }
            let event = stored.event
            let body = try JSONDocumentEncoder.encode(WebhookEventBody(event))
            return WebhookDelivery(subscription: subscription, eventID: event.id, eventType: event.type.rawValue, body: body, attempt: job.attempts)
        }
    }

    public func record(_ delivery: WebhookDelivery, statusCode: Int?, error: String?, duration: Duration) async throws {
        let now = clock.now()
        let milliseconds = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        let attempt = WebhookAttempt(
            id: ResourceID.make(.webhookAttempt, at: now), subscriptionID: delivery.subscription.id, eventID: delivery.eventID,
            attempt: delivery.attempt, statusCode: statusCode, error: error.map { String($0.prefix(1000)) },
            durationMilliseconds: milliseconds, attemptedAt: now)
        try await store.write { session in try await session.webhooks.record(attempt) }
    }
}
