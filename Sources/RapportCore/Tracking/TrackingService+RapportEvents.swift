import Foundation

extension TrackingService {
    /// What the message id of every event Rapport records itself starts with; refused in calls.
    static let rapportMessagePrefix = "rapport:"

    /// An event Rapport itself saw happen to a customer (a review written on its page, a review
    /// request opened), stored as a tracked `track` call, so segments (`events.count`) and
    /// journeys (a trigger, a goal, a branch) read it as they read the shop's. `messageID`
    /// makes it once (it starts with `rapportMessagePrefix`): an event already stored under it
    /// is not stored again.
    static func recordRapportEvent(
        _ name: String, customerID: String, workspaceID: String, properties: [String: JSONValue], messageID: String, in transaction: WriteTransaction
    ) async throws {
        let session = transaction.session
        guard try await session.tracking.storedMessageIDs([messageID], workspaceID: workspaceID).isEmpty else { return }
        var writer = JSONWriter()
        writer.value(.object(properties))
        let properties = writer.text
        writer = JSONWriter()
        writer.value(.object(["library": .object(["name": .string("rapport")])]))
        let event = TrackedEvent(
            id: ResourceID.make(.trackedEvent, at: transaction.now), workspaceID: workspaceID, messageID: messageID, type: .track, name: name,
            anonymousID: nil, userID: nil, customerID: customerID, productRef: nil, properties: properties, context: writer.text,
            occurredAt: transaction.now, receivedAt: transaction.now)
        try await session.tracking.insert([event])
        touchSegments([event], stitched: [], workspaceID: workspaceID, transaction: transaction)
        try await JourneyListener.heard(JourneyHappening.of(event).map { [$0] } ?? [], in: transaction)
    }
}
