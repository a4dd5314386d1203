import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// A JSON response in the API's one encoding (`JSONDocumentEncoder`: snake_case keys, every
/// key present, ISO 8601 UTC times).
enum JSONResponse {
    /// Throws what the value's encoding throws (the problem middleware logs it and answers 500).
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        respond(ByteBuffer(string: try JSONDocumentEncoder.encode(value)), status: status, headers: headers)
    }

    private static func respond(_ body: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
