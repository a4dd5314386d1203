import Foundation
import RapportCore
import Synchronization

/// Remembers recent key lookups for a few seconds so a busy client does not cost a query per
/// request. A revoked key stops working within `lifetime` on every server.
final class APIKeyCache: Sendable {
    private struct Entry {
        var key: APIKey?
        var expires: Date
    }

    let lifetime: TimeInterval
    private let entries = Mutex<[String: Entry]>([:])

    init(lifetime: TimeInterval = 5) {
        self.lifetime = lifetime
    }

    func key(for secret: String, now: Date, load: () async throws -> APIKey?) async throws -> APIKey? {
        if let entry = entries.withLock({ $0[secret] }), entry.expires > now { return entry.key }
        let key = try await load()
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[secret] = Entry(key: key, expires: now.addingTimeInterval(lifetime))
        }
        return key
    }
}
