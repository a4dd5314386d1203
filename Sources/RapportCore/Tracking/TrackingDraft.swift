import Foundation

/// A validated tracking call with its identities normalised and its JSON written, ready to store.
struct TrackingDraft: Sendable {
    var message: TrackingMessage
    var messageID: String
    var user: NormalizedIdentity?
    var anonymous: NormalizedIdentity?
    var previous: NormalizedIdentity?
    var properties: String
    var context: String
    var receivedAt: Date
    /// Proven when the call came with a server write key; asserted with a browser key.
    var provenance: IdentityProvenance = .asserted

    static func make(
        _ message: TrackingMessage, field: String?, normalizer: IdentityNormalizer, receivedAt: Date
    ) -> Result<TrackingDraft, RapportError> {
        var problems = Problems(prefix: field)
        func identity(_ value: String?, kind: IdentityKind, name: String) -> NormalizedIdentity? {
            guard let value else { return nil }
            let input = IdentityInput(kind: kind.rawValue, value: value, source: kind == .external ? TrackingService.source : nil)
            switch normalizer.normalize(input, field: name) {
            case .success(let normalized): return normalized
            case .failure:
                problems.add(name, "must be 1 to \(IdentityNormalizer.maximumValueLength) characters without spaces")
                return nil
            }
        }
        let user = identity(message.userID, kind: .external, name: "userId")
        let anonymous = identity(message.anonymousID, kind: .anonymous, name: "anonymousId")
        let previous = identity(message.previousID, kind: .anonymous, name: "previousId")
        switch message.type {
        case .alias:
            if message.userID == nil { problems.add("userId", "is required for alias") }
            if message.previousID == nil { problems.add("previousId", "is required for alias") }
        default:
            if message.userID == nil, message.anonymousID == nil {
                problems.add("userId", "either userId or anonymousId is required")
            }
        }
        if message.type == .track {
            if let event = message.event {
                if event.trimmed.isEmpty || event.count > 200 { problems.add("event", "must be 1 to 200 characters") }
            } else {
                problems.add("event", "is required for track")
            }
        }
        if let name = message.name, name.count > 500 { problems.add("name", "must be at most 500 characters") }
        if let id = message.messageID, id.isEmpty || id.count > 200 { problems.add("messageId", "must be 1 to 200 characters") }
        if let id = message.messageID, id.lowercased().hasPrefix(TrackingService.rapportMessagePrefix) {
            // Rapport's own events are once per id: a caller taking the id first would stop one.
            problems.add("messageId", "must not start with \(TrackingService.rapportMessagePrefix), which is Rapport's own")
        }
        var writer = JSONWriter()
        writer.value(.object(message.properties))
        let properties = writer.text
        writer = JSONWriter()
        writer.value(.object(message.context))
        let context = writer.text
        if properties.utf8.count + context.utf8.count > TrackingService.maximumEventBytes {
            problems.add(
                message.type == .identify || message.type == .group ? "traits" : "properties",
                "the call is \((properties.utf8.count + context.utf8.count) / 1024) KB; at most 32 KB per call")
        }
        guard problems.list.isEmpty else { return .failure(.invalid(problems.list)) }
        return .success(TrackingDraft(
            message: message, messageID: message.messageID ?? ResourceID.make(.trackedEvent, at: receivedAt),
            user: user, anonymous: anonymous, previous: previous, properties: properties, context: context,
            receivedAt: receivedAt))
    }

    func event(workspaceID: String, customerID: String?) -> TrackedEvent {
        let occurredAt = message.timestamp ?? receivedAt
        return TrackedEvent(
            id: ResourceID.make(.trackedEvent, at: receivedAt), workspaceID: workspaceID, messageID: messageID,
            type: message.type, name: message.type == .track ? message.event : message.name,
            anonymousID: anonymous?.value, userID: user?.value, customerID: customerID,
            productRef: EcommerceMapping.productRef(message), properties: properties, context: context,
            occurredAt: occurredAt, receivedAt: receivedAt)
    }
}
