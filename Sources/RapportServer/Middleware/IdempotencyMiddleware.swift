import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import RapportCore

/// Honours `Idempotency-Key` on POST through Core's `IdempotencyService`: this only reads the
/// key and the body's fingerprint, and sends a kept answer again (with
/// `Idempotent-Replayed: true`). An answer marked `Cache-Control: no-store` holds a secret and
/// is not kept.
struct IdempotencyMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let idempotency: IdempotencyService

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header] else {
            return try await next(request, context)
        }
        let actor = try context.actor()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fingerprint = Self.fingerprint(method: request.method.rawValue, path: request.uri.description, body: body)
        let token: String
        switch try await idempotency.begin(key: key, fingerprint: fingerprint, as: actor) {
        case .replay(let status, let location, let kept):
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            if let location { headers[.location] = location }
            headers[Self.replayedHeader] = "true"
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: kept)))
        case .proceed(let claim):
            token = claim
        }
        do {
            let response = try await next(request, context)
            guard (200..<300).contains(response.status.code) else {
                try await idempotency.release(key: key, token: token, as: actor)
                return response
            }
            let (bytes, replayable) = try await CollectingBodyWriter.collect(response)
            let holdsSecret = response.headers[.cacheControl]?.contains("no-store") == true
            try await idempotency.complete(
                key: key, token: token, status: response.status.code, location: response.headers[.location],
                body: holdsSecret ? nil : String(buffer: bytes), as: actor)
            return replayable
        } catch {
            try await idempotency.release(key: key, token: token, as: actor)
            throw error
        }
    }

    static func fingerprint(method: String, path: String, body: ByteBuffer) -> String {
        var hasher = SHA256()
        hasher.update(data: Array((method + " " + path + "\n").utf8))
        hasher.update(data: Array(body.readableBytesView))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
