import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import RapportCore

/// Honours `Idempotency-Key` on POST: the first request with a key runs and its successful
/// response is stored; a retry with the same key and the same body gets that response again
/// (with `Idempotent-Replayed: true`) and runs nothing. A failed request frees its key, since it
/// changed nothing. Keys are per workspace.
struct IdempotencyMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let store: any DataStore

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header] else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw RapportError.invalid(field: "Idempotency-Key", "must be 1 to 255 visible ASCII characters")
        }
        let workspaceID = try context.workspaceID()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fingerprint = Self.fingerprint(method: request.method.rawValue, path: request.uri.description, body: body)
        let existing = try await store.write { session in
            try await session.idempotency.claim(key: key, workspaceID: workspaceID, fingerprint: fingerprint, at: Date())
        }
        if let existing {
            guard existing.fingerprint == fingerprint else {
                throw RapportError.invalid(
                    field: "Idempotency-Key", "was already used for a different request; use a new key for a new request")
            }
            guard let status = existing.status, let body = existing.body else {
                throw RapportError.conflict("A request with this Idempotency-Key is still being processed; retry shortly.")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            if let location = existing.headers, !location.isEmpty { headers[.location] = location }
            headers[Self.replayedHeader] = "true"
            return Response(
                status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        do {
            let response = try await next(request, context)
            guard (200..<300).contains(response.status.code) else {
                try await release(key: key, workspaceID: workspaceID)
                return response
            }
            let (bytes, replayable) = try await CollectingBodyWriter.collect(response)
            try await store.write { session in
                try await session.idempotency.complete(
                    key: key, workspaceID: workspaceID, status: response.status.code,
                    headers: response.headers[.location] ?? "", body: String(buffer: bytes))
            }
            return replayable
        } catch {
            try await release(key: key, workspaceID: workspaceID)
            throw error
        }
    }

    private func release(key: String, workspaceID: String) async throws {
        try await store.write { session in try await session.idempotency.release(key: key, workspaceID: workspaceID) }
    }

    static func fingerprint(method: String, path: String, body: ByteBuffer) -> String {
        var hasher = SHA256()
        hasher.update(data: Array((method + " " + path + "\n").utf8))
        hasher.update(data: Array(body.readableBytesView))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
