import Hummingbird
import RapportCore

/// Reads the API's privacy requests.
enum PrivacyRequests {
    /// An erasure's body is optional: `{"orders": "pseudonymise" | "delete"}`; none keeps the
    /// orders for the books.
    static func erasedOrders(_ request: Request, context: some RequestContext) async throws -> ErasedOrders {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return .pseudonymise }
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw BodyError.unsupportedMediaType(type)
        }
        var body = JSONObjectReader(try JSONObjectReader.object(from: Array(buffer.readableBytesView)))
        let orders = body.string("orders", maxLength: 32)
        try body.finish()
        guard let orders else { return .pseudonymise }
        guard let choice = ErasedOrders(rawValue: orders) else {
            throw RapportError.invalid(field: "orders", "must be pseudonymise or delete")
        }
        return choice
    }
}
