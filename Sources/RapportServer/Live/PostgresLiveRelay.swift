import Foundation
import Logging
import RapportCore
import RapportStore
import ServiceLifecycle

/// Carries live updates between `rapport serve` processes on one PostgreSQL database with
/// LISTEN/NOTIFY: each committed change is NOTIFYed on `rapport_live`, and every process
/// hands the changes of the others to its own connected agents. A change larger than a
/// notification may be (8,000 bytes) travels as a pointer to its conversation.
public struct PostgresLiveRelay: LiveRelay, Service {
    public static let channel = "rapport_live"
    static let maximumPayload = 7_900

    let store: SQLDataStore
    let hub: LiveHub
    let origin = UUID().uuidString
    let logger: Logger
    /// Called each time the relay starts listening (at start and after a reconnect).
    let whenListening: @Sendable () async -> Void

    public init(store: SQLDataStore, hub: LiveHub, logger: Logger, whenListening: @escaping @Sendable () async -> Void = {}) {
        self.store = store
        self.hub = hub
        self.logger = logger
        self.whenListening = whenListening
    }

    public func forward(_ updates: [LiveUpdate]) async {
        for update in updates {
            do {
                try await store.notify(channel: Self.channel, payload: encode(update))
            } catch {
                logger.warning("a live update did not reach the other processes", metadata: ["error": .string(String(describing: error))])
            }
        }
    }

    /// Listens until shutdown, reconnecting after a lost connection.
    public func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown {
                    try await store.listen(channel: Self.channel, whenListening: whenListening) { payload in
                        if let update = decode(payload) { hub.deliverLocally([update]) }
                    }
                }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.warning("listening for live updates failed; retrying", metadata: ["error": .string(String(describing: error))])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }

    func encode(_ update: LiveUpdate) -> String {
        func document(json: String, customerJSON: String?) -> String {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("c"); writer.string(update.conversationID)
            writer.key("i"); writer.string(update.inboxID)
            writer.key("j"); writer.raw(json)
            writer.key("a"); writer.string(update.assigneeID)
            writer.key("k"); writer.string(update.contact)
            writer.key("o"); writer.string(origin)
            writer.key("m"); writer.string(update.teamID)
            writer.key("t"); writer.string(update.type.rawValue)
            writer.key("u"); writer.string(update.userID)
            writer.key("v"); if let customerJSON { writer.raw(customerJSON) } else { writer.null() }
            writer.key("w"); writer.string(update.workspaceID)
            writer.endObject()
            return writer.text
        }
        let full = document(json: update.json, customerJSON: update.customerJSON)
        if full.utf8.count <= Self.maximumPayload { return full }
        return document(json: "{\"conversation_id\":\"\(update.conversationID)\",\"truncated\":true}", customerJSON: nil)
    }

    func decode(_ payload: String) -> LiveUpdate? {
        guard case .object(let fields)? = try? JSONParser.parse(Array(payload.utf8)), fields["o"]?.scalarText != origin,
            let workspaceID = fields["w"]?.scalarText, let type = fields["t"]?.scalarText.flatMap(DomainEventType.init(rawValue:)),
            let json = fields["j"]
        else { return nil }
        // A user's alert names no conversation; every other update names one and its inbox.
        let userID = fields["u"]?.scalarText
        let conversationID = fields["c"]?.scalarText ?? ""
        let inboxID = fields["i"]?.scalarText ?? ""
        guard userID != nil || (!conversationID.isEmpty && !inboxID.isEmpty) else { return nil }
        var writer = JSONWriter()
        writer.value(json)
        var customerJSON: String?
        if let visible = fields["v"], visible != .null {
            var customerWriter = JSONWriter()
            customerWriter.value(visible)
            customerJSON = customerWriter.text
        }
        return LiveUpdate(
            workspaceID: workspaceID, type: type, conversationID: conversationID, inboxID: inboxID,
            teamID: fields["m"]?.scalarText, assigneeID: fields["a"]?.scalarText, json: writer.text,
            contact: fields["k"]?.scalarText, customerJSON: customerJSON, userID: userID)
    }
}
