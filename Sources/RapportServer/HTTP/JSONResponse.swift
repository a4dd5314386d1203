import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// A JSON response in the API's one encoding (`JSONDocumentEncoder`: snake_case keys, every
/// key present, ISO 8601 UTC times).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        do {
            return respond(ByteBuffer(string: try JSONDocumentEncoder.encode(value)), status: status, headers: headers)
        } catch {
            // The API's response types encode only strings, numbers, dates and JSON values, none of which fail.
            preconditionFailure("a response could not be encoded: \(error)")
        }
    }

    private static func respond(_ body: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
