import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// A JSON response in the API's one encoding (snake_case keys, ISO 8601 UTC times).
enum JSONResponse {
    private static let encoder = JSONCoding.makeEncoder()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let data = try encoder.encode(value)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
