import Foundation
import RapportCore
import Synchronization

/// Fans committed changes out to the agents connected to this process. Each subscriber gets
/// a buffered stream of its workspace's updates; a slow subscriber loses the oldest updates
/// beyond its buffer rather than slowing anyone else (its client reloads on reconnect).
public final class LiveHub: LiveUpdates {
    public struct Subscription: Sendable {
        public let id: UUID
        public let updates: AsyncStream<LiveUpdate>
    }

    private struct Subscriber {
        let workspaceID: String
        let inboxIDs: Set<String>?
        /// An agent's: only the conversations they may see.
        let scope: ConversationScope?
        /// A web chat visitor: only their own conversation's changes.
        let contact: String?
        let continuation: AsyncStream<LiveUpdate>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])
    /// Other processes to tell (PostgreSQL NOTIFY), set once at start-up.
    private let relay = Mutex<(any LiveRelay)?>(nil)

    public init() {}

    public func attach(relay: any LiveRelay) {
        self.relay.withLock { $0 = relay }
    }

    public func subscribe(
        workspaceID: String, inboxIDs: Set<String>? = nil, scope: ConversationScope? = nil, contact: String? = nil, buffer: Int = 1000
    ) -> Subscription {
        let id = UUID()
        let (stream, continuation) = AsyncStream<LiveUpdate>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        subscribers.withLock { $0[id] = Subscriber(
                workspaceID: workspaceID, inboxIDs: inboxIDs, scope: scope, contact: contact, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return Subscription(id: id, updates: stream)
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Committed changes of this process: to local subscribers, and to the other processes.
    public func publish(_ updates: [LiveUpdate]) async {
        deliverLocally(updates)
        if let relay = relay.withLock({ $0 }) { await relay.forward(updates) }
    }

    /// Changes that another process committed (arriving through the relay).
    public func deliverLocally(_ updates: [LiveUpdate]) {
        let targets = subscribers.withLock { Array($0.values) }
        for update in updates {
            for subscriber in targets where subscriber.workspaceID == update.workspaceID
                && (subscriber.inboxIDs?.contains(update.inboxID) ?? true)
                && (subscriber.scope?.contains(inboxID: update.inboxID, teamID: update.teamID, assigneeID: update.assigneeID) ?? true)
                && (subscriber.contact == nil || (subscriber.contact == update.contact && update.customerJSON != nil))
            {
                subscriber.continuation.yield(update)
            }
        }
    }
}
