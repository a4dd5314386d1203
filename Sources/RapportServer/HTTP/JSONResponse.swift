import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// A JSON response in the API's one encoding (snake_case keys, ISO 8601 UTC times).
enum JSONResponse {
    private static let encoder = JSONCoding.makeEncoder()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        respond(ByteBuffer(bytes: try encoder.encode(value)), status: status, headers: headers)
    }

    static func make(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var writer = JSONWriter()
        value.write(to: &writer)
        return respond(ByteBuffer(string: writer.text), status: status, headers: headers)
    }

    private static func respond(_ body: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
