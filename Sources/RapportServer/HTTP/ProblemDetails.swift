import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// An RFC 9457 problem document, with the field errors of a failed validation.
struct ProblemDetails: Encodable {
    var detail: String
    @OmittedWhenNil var errors: [FieldError]?
    @OmittedWhenNil var instance: String?
    var requestId: String
    var status: Int
    var title: String
    var type: String

    /// The `type` URIs are relative references into the API documentation.
    static func type(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "/docs/api#bad-request"
        case 401: "/docs/api#unauthorized"
        case 403: "/docs/api#forbidden"
        case 404: "/docs/api#not-found"
        case 405: "/docs/api#method-not-allowed"
        case 409: "/docs/api#conflict"
        case 413: "/docs/api#payload-too-large"
        case 415: "/docs/api#unsupported-media-type"
        case 422: "/docs/api#validation"
        default: "about:blank"
        }
    }

    func response(status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        let body = (try? JSONDocumentEncoder.encode(self)) ?? "{}"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func make(
        _ status: HTTPResponse.Status, detail: String, errors: [FieldError]? = nil, context: RapportRequestContext,
        path: String? = nil
    ) -> Response {
        ProblemDetails(
            detail: detail, errors: errors, instance: path, requestId: context.requestID, status: status.code,
            title: status.reasonPhrase, type: type(for: status)
        ).response(status: status)
    }
}
