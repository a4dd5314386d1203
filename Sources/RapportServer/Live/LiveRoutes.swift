import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore
import ServiceLifecycle

/// `GET /api/v1/live`: a Server-Sent Events stream of the workspace's new messages and
/// conversation changes that the asker may see (`?inbox_id=` narrows it), and of a signed-in
/// user's own new alerts (`alert.created`), with a comment every 15 s to keep proxies
/// from closing it. Every few seconds the asker's credentials are checked again: a stream ends
/// once its session is signed out or its user deactivated, its key revoked, or its user's role
/// or teams changed (the client reconnects, and is given what it may see now).
struct LiveRoutes {
    let hub: LiveHub
    let conversations: ConversationService
    let users: UserService
    let keys: APIKeyService
    /// How often a stream's credentials are checked again.
    static let recheck: Duration = .seconds(5)

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("live", use: stream)
    }

    @Sendable func stream(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let inboxIDs = request.uri.queryParameters.getAll("inbox_id").map { String($0) }
        let actor = context.actor
        let scope = try await conversations.scope(as: actor)
        let subscription = hub.subscribe(workspaceID: actor.workspaceID, userID: actor.userID, inboxIDs: inboxIDs.isEmpty ? nil : Set(inboxIDs), scope: scope)
        let stillValid = validity(of: request, actor: actor)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            try await Self.pump(subscription.updates, to: &writer, stillValid: stillValid)
            try await writer.finish(nil)
        })
    }

    /// Whether the credentials the stream was opened with still stand for the same actor.
    private func validity(of request: Request, actor: Actor) -> @Sendable () async -> Bool {
        let (users, keys) = (self.users, self.keys)
        if let token = request.cookies[SessionCookie.name]?.value, request.headers[.authorization] == nil {
            return {
                guard let active = try? await users.session(token: token) else { return false }
                return active.actor.role == actor.role && active.actor.teamIDs == actor.teamIDs
            }
        }
        let secret = request.headers[.authorization].map { String($0.drop { $0 != " " }.dropFirst()).trimmingCharacters(in: .whitespaces) } ?? ""
        return { (try? await keys.authenticate(secret: secret)) != nil }
    }

    /// Writes updates as they come, and a heartbeat when none came for 15 seconds.
    /// `customerView` writes what the customer may see (a web chat visitor's stream).
    /// `stillValid`, when given, is asked every `recheck`; the stream ends when it says no.
    static func pump(
        _ updates: AsyncStream<LiveUpdate>, to writer: inout some ResponseBodyWriter, customerView: Bool = false,
        stillValid: (@Sendable () async -> Bool)? = nil
    ) async throws {
        let merged = AsyncStream<LiveUpdate?> { continuation in
            let forward = Task {
                for await update in updates { continuation.yield(update) }
                continuation.finish()
            }
            let heartbeat = Task {
                var sinceHeartbeat: Duration = .zero
                while !Task.isCancelled {
                    try? await Task.sleep(for: recheck)
                    if let stillValid, await !stillValid() {
                        continuation.finish()
                        return
                    }
                    sinceHeartbeat += recheck
                    if sinceHeartbeat >= .seconds(15) {
                        sinceHeartbeat = .zero
                        continuation.yield(nil)
                    }
                }
            }
            // Streams end when the server shuts down, so it need not wait for clients to leave.
            let shutdown = Task {
                try? await gracefulShutdown()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                heartbeat.cancel()
                shutdown.cancel()
            }
        }
        for await item in merged {
            if let update = item {
                guard let frame = event(update, customerView: customerView) else { continue }
                try await writer.write(ByteBuffer(string: frame))
            } else {
                try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
            }
        }
    }

    /// One Server-Sent Event: named by the change (`message.created`, …), the resource as its
    /// reader may see it; nil when there is nothing for that reader (a note, for a visitor).
    static func event(_ update: LiveUpdate, customerView: Bool) -> String? {
        guard let data = customerView ? update.customerJSON : update.json else { return nil }
        return "event: \(update.type.rawValue)\ndata: \(data)\n\n"
    }
}
