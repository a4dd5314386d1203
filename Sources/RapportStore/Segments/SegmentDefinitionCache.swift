import RapportCore
import Synchronization

/// Parsed definitions by their stored text: every write that touches a customer reads the
/// workspace's segments, and parsing fifty definitions each time would cost more than
/// evaluating them. Keyed by the text itself, so an edited definition is never served stale.
final class SegmentDefinitionCache: Sendable {
    static let shared = SegmentDefinitionCache(capacity: 2_048)

    /// Bytes of the largest definition text kept.
    static let largest = 8_192

    private let capacity: Int
    private let parsed = Mutex<[String: SegmentDefinition]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func definition(_ text: String) throws -> SegmentDefinition {
        // Large definitions (long `in` lists) are parsed each time, which bounds the memory
        // held to capacity × largest.
        guard text.utf8.count <= Self.largest else { return try Self.parse(text) }
        if let known = parsed.withLock({ $0[text] }) { return known }
        let definition = try Self.parse(text)
        parsed.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = definition
        }
        return definition
    }

    private static func parse(_ text: String) throws -> SegmentDefinition {
        try SegmentDefinitionParser.parse(try JSONParser.parse(Array(text.utf8)))
    }
}
