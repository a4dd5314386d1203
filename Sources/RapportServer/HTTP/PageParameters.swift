import Hummingbird
import RapportCore

/// `limit` and `starting_after` from the query string.
enum PageParameters {
    static func read(_ request: Request) throws -> PageRequest {
        let query = request.uri.queryParameters
        var limit: Int?
        if let text = query.get("limit") {
            guard let value = Int(text) else { throw RapportError.invalid(field: "limit", "must be a whole number") }
            limit = value
        }
        let cursor = query.get("starting_after").flatMap { $0.isEmpty ? nil : String($0) }
        if let cursor, !ResourceID.isPlausible(cursor) {
            throw RapportError.invalid(field: "starting_after", "is not an id from a previous page")
        }
        return try PageRequest(limit: limit, startingAfter: cursor)
    }
}
