import Foundation
import Synchronization

/// Published versions, read once per process: a version never changes once published. With
/// each, the store's time zone its `wait_until` steps fall back on for a customer whose clock
/// is unknown: that of the inbox its first message goes through (as campaigns time by theirs),
/// else UTC; read once an hour.
final class JourneyVersionCache: Sendable {
    private let kept = Mutex<[String: JourneyVersion]>([:])
    private let zones = Mutex<[String: (zone: TimeZone, readAt: ContinuousClock.Instant)]>([:])

    static func key(_ journeyID: String, _ version: Int) -> String { "\(journeyID)#\(version)" }

    func version(_ key: String, store: any DataStore) async throws -> JourneyVersion? {
        if let found = kept.withLock({ $0[key] }) { return found }
        let parts = key.split(separator: "#")
        guard parts.count == 2, let number = Int(parts[1]) else { return nil }
        let found = try await store.read { session in try await session.journeys.version(journeyID: String(parts[0]), version: number) }
        if let found { kept.withLock { $0[key] = found } }
        return found
    }

    func storeTimeZone(_ key: String, definition: JourneyDefinition?, store: any DataStore) async throws -> TimeZone {
        if let found = zones.withLock({ $0[key] }), ContinuousClock.now - found.readAt < .seconds(3_600) { return found.zone }
        var inboxID: String?
        for step in definition?.steps ?? [] {
            if case .send(let send, _) = step.kind {
                inboxID = send.inboxID
                break
            }
        }
        var inbox: Inbox?
        if let inboxID { inbox = try await store.read { session in try await session.inboxes.inbox(id: inboxID) } }
        let zone = CampaignDispatcher.storeTimeZone(of: inbox)
        zones.withLock { $0[key] = (zone, ContinuousClock.now) }
        return zone
    }
}
