import Foundation
import Hummingbird
import RapportCore

/// Answers 429 with `Retry-After` when the client named by `key` has used its requests (Core's
/// `RateLimiter`); a request without a key (none could be named) passes.
struct RateLimitMiddleware: RouterMiddleware {
    let limiter: RateLimiter
    let clock: any WallClock
    let key: @Sendable (Request, RapportRequestContext) -> String?

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        if let client = key(request, context) { try await limiter.take(client, now: clock.now()) }
        return try await next(request, context)
    }

    /// Tracking calls: per write key (after authentication).
    static func perWriteKey(_ limit: RateLimit, clock: any WallClock) -> RateLimitMiddleware {
        RateLimitMiddleware(limiter: RateLimiter(limit), clock: clock) { _, context in context.apiKey.map { "key:" + $0.id } }
    }

    /// Provider and shop webhooks: per inbox or shop, the id after the kind in the path.
    static func perWebhookTarget(_ limit: RateLimit, clock: any WallClock) -> RateLimitMiddleware {
        RateLimitMiddleware(limiter: RateLimiter(limit), clock: clock) { request, _ in
            let parts = request.uri.path.split(separator: "/")
            guard parts.count >= 3, parts[0] == "webhooks" else { return nil }
            // Twilio's paths carry the product first: /webhooks/twilio/sms/{inbox}.
            let id = parts[1] == "twilio" && parts.count >= 4 ? parts[3] : parts[2]
            return "target:" + String(id.prefix(64))
        }
    }

    /// Web chat: per inbox and client address.
    static func perChatClient(_ limit: RateLimit, clock: any WallClock) -> RateLimitMiddleware {
        RateLimitMiddleware(limiter: RateLimiter(limit), clock: clock) { request, context in
            let parts = request.uri.path.split(separator: "/")
            guard parts.count >= 2, parts[0] == "chat" else { return nil }
            return "chat:" + String(parts[1].prefix(64)) + "|" + (ClientAddress.network(request, context: context) ?? "unknown")
        }
    }
}
