import Foundation
import Hummingbird
import RapportCore

/// Segment's HTTP Tracking API under `/v1`: `identify`, `track`, `page`, `screen`, `group`,
/// `alias` and `batch` (also as `import`). A 200 is sent only after the calls are committed.
struct TrackingRoutes {
    let tracking: TrackingService

    func register(on group: RouterGroup<WriteKeyRequestContext>) {
        for type in TrackedEventType.allCases {
            group.post(RouterPath(type.rawValue)) { request, context in
                try await single(request, context: context, type: type)
            }
        }
        group.post("batch", use: batch)
        group.post("import", use: batch)
        // Browsers ask before sending a write key in a header: `TrackingCORSMiddleware` answers.
        for path in TrackedEventType.allCases.map(\.rawValue) + ["batch", "import"] {
            group.on(RouterPath(path), method: .options) { _, _ in Response(status: .noContent) }
        }
    }

    @Sendable func single(_ request: Request, context: WriteKeyRequestContext, type: TrackedEventType) async throws -> Response {
        let bytes = try await TrackingRequests.body(of: request, context: context, limit: TrackingService.maximumEventBytes)
        let fields = try JSONObjectReader.object(from: bytes)
        let message = try TrackingRequests.message(fields, type: type, field: nil).get()
        _ = try await tracking.ingest([message], workspaceID: context.key.workspaceID, provenance: context.provenance)
        return Self.success
    }

    @Sendable func batch(_ request: Request, context: WriteKeyRequestContext) async throws -> Response {
        let bytes = try await TrackingRequests.body(of: request, context: context, limit: TrackingRequests.maximumBatchBytes)
        let fields = try JSONObjectReader.object(from: bytes)
        guard case .array(let items)? = fields["batch"] else {
            throw RapportError.invalid(field: "batch", "is required: an array of calls")
        }
        var messages: [TrackingMessage] = []
        messages.reserveCapacity(items.count)
        var errors: [FieldError] = []
        for (index, item) in items.enumerated() {
            guard case .object(let call) = item else {
                errors.append(FieldError(field: "batch[\(index)]", message: "must be an object"))
                continue
            }
            switch TrackingRequests.message(call, type: nil, field: "batch[\(index)]") {
            case .success(let message): messages.append(message)
            case .failure(.invalid(let problems)): errors += problems
            case .failure(let other): throw other
            }
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        if !messages.isEmpty {
            _ = try await tracking.ingest(messages, workspaceID: context.key.workspaceID, provenance: context.provenance)
        }
        return Self.success
    }

    private static var success: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "{\"success\":true}")))
    }
}
