import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore
import ServiceLifecycle

/// `GET /api/v1/live`: a Server-Sent Events stream of the workspace's new messages and
/// conversation changes that the asker may see (`?inbox_id=` narrows it), with a comment every 15 s to keep proxies
/// from closing it.
struct LiveRoutes {
    let hub: LiveHub
    let conversations: ConversationService

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get("live", use: stream)
    }

    @Sendable func stream(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let inboxIDs = request.uri.queryParameters.getAll("inbox_id").map { String($0) }
        let actor = try context.actor()
        let scope = try await conversations.scope(as: actor)
        let subscription = hub.subscribe(workspaceID: actor.workspaceID, inboxIDs: inboxIDs.isEmpty ? nil : Set(inboxIDs), scope: scope)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            try await Self.pump(subscription.updates, to: &writer)
            try await writer.finish(nil)
        })
    }

    /// Writes updates as they come, and a heartbeat when none came for 15 seconds.
    /// `customerView` writes what the customer may see (a web chat visitor's stream).
    static func pump(_ updates: AsyncStream<LiveUpdate>, to writer: inout some ResponseBodyWriter, customerView: Bool = false) async throws {
        let merged = AsyncStream<LiveUpdate?> { continuation in
            let forward = Task {
                for await update in updates { continuation.yield(update) }
                continuation.finish()
            }
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    continuation.yield(nil)
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
                guard let data = customerView ? update.customerJSON : update.json else { continue }
                try await writer.write(ByteBuffer(string: "event: \(update.type)\ndata: \(data)\n\n"))
            } else {
                try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
            }
        }
    }
}
