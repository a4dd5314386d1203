import Foundation
import Synchronization

/// The JSON of an event payload that is a plain `Codable` value (an identity, a touchpoint,
/// a merge), in the one stored-document encoding (`JSONCoding`).
enum EncodedPayload {
    static func json(_ value: some Encodable) -> String {
        (try? encoder.withLock { try $0.encode(value) }).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static let encoder = Mutex(JSONCoding.makeEncoder())
}
