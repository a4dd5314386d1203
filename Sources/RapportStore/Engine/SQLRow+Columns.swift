import Foundation
import RapportCore
import SQLKit

/// Typed column reads shared by the repositories: times are stored as microseconds, documents as JSON text.
extension SQLRow {
    func string(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func optionalString(_ column: String) throws -> String? {
        try decode(column: column, as: String?.self)
    }

    func int(_ column: String) throws -> Int64 {
        try decode(column: column, as: Int64.self)
    }

    func optionalInt(_ column: String) throws -> Int64? {
        try decode(column: column, as: Int64?.self)
    }

    func date(_ column: String) throws -> Date {
        Timestamp.date(microseconds: try int(column))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try optionalInt(column).map(Timestamp.date(microseconds:))
    }

    func document<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        try StoredJSON.decode(type, from: try string(column))
    }
}
