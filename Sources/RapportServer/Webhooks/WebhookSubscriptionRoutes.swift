import Hummingbird
import RapportCore

/// `/api/v1/webhook_endpoints`: outgoing webhooks, their signing secret (shown at creation
/// only) and every delivery attempt.
struct WebhookSubscriptionRoutes {
    let webhooks: WebhookService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("webhook_endpoints", requiring: .manageWebhooks, use: create)
        group.get("webhook_endpoints", use: list)
        group.get("webhook_endpoints/:id", use: show)
        group.delete("webhook_endpoints/:id", use: delete)
        group.get("webhook_endpoints/:id/attempts", use: attempts)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let url = body.requiredString("url", maxLength: 2000)
        let types = body.stringArray("event_types")
        if body.any("event_types") == nil { body.fail("event_types", "is required: a list of event types, or [\"*\"]") }
        try body.finish()
        let subscription = try await webhooks.create(url: url ?? "", eventTypes: types ?? [], as: context.actor)
        // The signing secret is shown once: no cache and no Idempotency-Key replay keeps it.
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        return try JSONResponse.make(WebhookSubscriptionResponse(subscription: subscription, showSecret: true), status: .created, headers: headers)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let all = try await webhooks.subscriptions(as: context.actor)
        return try JSONResponse.make(ListResponse(data: all.map { WebhookSubscriptionResponse(subscription: $0, showSecret: false) }, hasMore: false, lastID: nil))
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let found = try await webhooks.subscription(id: try context.parameters.require("id"), as: context.actor)
        return try JSONResponse.make(WebhookSubscriptionResponse(subscription: found, showSecret: false))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await webhooks.delete(id: try context.parameters.require("id"), as: context.actor)
        return Response(status: .noContent)
    }

    @Sendable func attempts(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let list = try await webhooks.attempts(subscriptionID: try context.parameters.require("id"), as: context.actor)
        return try JSONResponse.make(ListResponse(data: list.map(WebhookAttemptResponse.init), hasMore: false, lastID: nil))
    }
}
