import Foundation
import RapportCore

/// JSON documents kept in text columns (profiles' addresses, tags and attributes, merge snapshots).
enum StoredJSON {
    private static let encoder = JSONCoding.makeEncoder()
    private static let decoder = JSONCoding.makeDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
