import Foundation
import RapportCore
import Synchronization

/// Fans committed changes out to the agents and web-chat visitors connected to this process.
/// Each subscriber gets a buffered stream; a slow one loses the oldest updates beyond its
/// buffer rather than slowing anyone else (its client reloads on reconnect). Subscribers are
/// kept by workspace (agents) and by conversation contact (visitors), so an update reaches its
/// own subscribers without walking everyone connected.
public final class LiveHub: LiveUpdates {
    public struct Subscription: Sendable {
        public let id: UUID
        public let updates: AsyncStream<LiveUpdate>
    }

    /// An agent's or an integration's stream: a workspace's updates, as far as it may see.
    private struct AgentSubscriber {
        /// The signed-in user (nil for an API key): alerts addressed to them reach this stream.
        let userID: String?
        let inboxIDs: Set<String>?
        let scope: ConversationScope?
        let continuation: AsyncStream<LiveUpdate>.Continuation
    }

    /// Whose conversation a web-chat visitor's stream follows.
    private struct VisitorKey: Hashable {
        let workspaceID: String
        let inboxID: String
        let contact: String
    }

    private struct Registry {
        var agents: [String: [UUID: AgentSubscriber]] = [:]
        var visitors: [VisitorKey: [UUID: AsyncStream<LiveUpdate>.Continuation]] = [:]
        var visitorsPerWorkspace: [String: Int] = [:]
        var visitorsPerClient: [String: Int] = [:]
    }

    private let registry = Mutex(Registry())
    /// Other processes to tell (PostgreSQL NOTIFY), set once at start-up.
    private let relay = Mutex<(any LiveRelay)?>(nil)
    /// Open streams of one chat contact (its tabs), from every address together.
    static let visitorStreamsPerContact = 4
    /// Open visitor streams allowed per client address and per workspace (nil: no limit).
    private let visitorStreamsPerClient: Int?
    private let visitorStreamsPerWorkspace: Int?

    public init(visitorStreamsPerClient: Int? = nil, visitorStreamsPerWorkspace: Int? = nil) {
        self.visitorStreamsPerClient = visitorStreamsPerClient
        self.visitorStreamsPerWorkspace = visitorStreamsPerWorkspace
    }

    public func attach(relay: any LiveRelay) {
        self.relay.withLock { $0 = relay }
    }

    /// An agent's or integration's stream of `workspaceID`, narrowed to `inboxIDs` and `scope`;
    /// with `userID`, that user's alerts too.
    public func subscribe(
        workspaceID: String, userID: String? = nil, inboxIDs: Set<String>? = nil, scope: ConversationScope? = nil, buffer: Int = 1000
    ) -> Subscription {
        let id = UUID()
        let (stream, continuation) = AsyncStream<LiveUpdate>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        registry.withLock {
            $0.agents[workspaceID, default: [:]][id] = AgentSubscriber(userID: userID, inboxIDs: inboxIDs, scope: scope, continuation: continuation)
        }
        continuation.onTermination = { [weak self] _ in
            self?.registry.withLock { registry in
                registry.agents[workspaceID]?.removeValue(forKey: id)
                if registry.agents[workspaceID]?.isEmpty == true { registry.agents.removeValue(forKey: workspaceID) }
            }
        }
        return Subscription(id: id, updates: stream)
    }

    /// A web-chat visitor's stream of their conversation in `inboxID`. Throws 429 when
    /// `client` (the caller's address) or the workspace already holds its share of streams.
    public func subscribeVisitor(
        workspaceID: String, inboxID: String, contact: String, client: String?, buffer: Int = 100
    ) throws -> Subscription {
        let id = UUID()
        let key = VisitorKey(workspaceID: workspaceID, inboxID: inboxID, contact: contact)
        let (stream, continuation) = AsyncStream<LiveUpdate>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        try registry.withLock { registry in
            if let limit = visitorStreamsPerWorkspace, registry.visitorsPerWorkspace[workspaceID, default: 0] >= limit {
                throw RapportError.tooManyAttempts("This shop's chat has too many open streams; retry in a minute.", retryAfterSeconds: 60)
            }
            // One session's token works from any address: its streams are capped too.
            if registry.visitors[key]?.count ?? 0 >= Self.visitorStreamsPerContact {
                throw RapportError.tooManyAttempts(
                    "This chat already has \(Self.visitorStreamsPerContact) open streams; close one first.", retryAfterSeconds: 30)
            }
            if let client, let limit = visitorStreamsPerClient, registry.visitorsPerClient[client, default: 0] >= limit {
                throw RapportError.tooManyAttempts("Too many chat streams from this address (at most \(limit)); close one first.", retryAfterSeconds: 30)
            }
            registry.visitors[key, default: [:]][id] = continuation
            registry.visitorsPerWorkspace[workspaceID, default: 0] += 1
            if let client { registry.visitorsPerClient[client, default: 0] += 1 }
        }
        continuation.onTermination = { [weak self] _ in
            self?.registry.withLock { registry in
                guard registry.visitors[key]?.removeValue(forKey: id) != nil else { return }
                if registry.visitors[key]?.isEmpty == true { registry.visitors.removeValue(forKey: key) }
                Self.decrement(&registry.visitorsPerWorkspace, workspaceID)
                if let client { Self.decrement(&registry.visitorsPerClient, client) }
            }
        }
        return Subscription(id: id, updates: stream)
    }

    private static func decrement(_ counts: inout [String: Int], _ key: String) {
        let left = (counts[key] ?? 1) - 1
        counts[key] = left > 0 ? left : nil
    }

    public var subscriberCount: Int {
        registry.withLock { registry in
            registry.agents.values.reduce(0) { $0 + $1.count } + registry.visitors.values.reduce(0) { $0 + $1.count }
        }
    }

    /// Committed changes of this process: to local subscribers, and to the other processes.
    public func publish(_ updates: [LiveUpdate]) async {
        deliverLocally(updates)
        if let relay = relay.withLock({ $0 }) { await relay.forward(updates) }
    }

    /// Changes that another process committed (arriving through the relay). The lock is held
    /// only to pick each update's subscribers; they are handed the update after it is released.
    public func deliverLocally(_ updates: [LiveUpdate]) {
        let deliveries: [(AsyncStream<LiveUpdate>.Continuation, LiveUpdate)] = registry.withLock { registry in
            var deliveries: [(AsyncStream<LiveUpdate>.Continuation, LiveUpdate)] = []
            for update in updates {
                if let userID = update.userID {
                    for subscriber in (registry.agents[update.workspaceID] ?? [:]).values where subscriber.userID == userID {
                        deliveries.append((subscriber.continuation, update))
                    }
                    continue
                }
                for subscriber in (registry.agents[update.workspaceID] ?? [:]).values
                where (subscriber.inboxIDs?.contains(update.inboxID) ?? true)
                    && (subscriber.scope?.contains(inboxID: update.inboxID, teamID: update.teamID, assigneeID: update.assigneeID) ?? true)
                {
                    deliveries.append((subscriber.continuation, update))
                }
                if update.customerJSON != nil, let contact = update.contact {
                    let key = VisitorKey(workspaceID: update.workspaceID, inboxID: update.inboxID, contact: contact)
                    for continuation in (registry.visitors[key] ?? [:]).values { deliveries.append((continuation, update)) }
                }
            }
            return deliveries
        }
        for (continuation, update) in deliveries { continuation.yield(update) }
    }
}
