import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// `/api/v1/sources`: connect a shop and learn the webhook URL to give it.
struct SourceRoutes {
    let sources: SourceService

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.post("sources", use: create)
        group.get("sources", use: list)
    }

    @Sendable func create(_ request: Request, context: RapportRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let kind = CommerceRequests.enumeration(&body, "kind", SourceKind.self)
        if body.any("kind") == nil { body.fail("kind", "is required") }
        let secret = body.requiredString("secret", maxLength: 500)
        let name = body.string("name", maxLength: 100)
        try body.finish()
        guard let kind, let secret else { throw RapportError.invalid(field: "kind", "is required") }
        let source = try await sources.create(kind: kind, name: name, secret: secret, workspaceID: try context.workspaceID())
        return JSONResponse.make(SourceResponse(source: source, baseURL: Self.baseURL(request)), status: .created)
    }

    @Sendable func list(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let all = try await sources.sources(workspaceID: try context.workspaceID())
        let base = Self.baseURL(request)
        return JSONResponse.make(ListResponse(data: all.map { SourceResponse(source: $0, baseURL: base) }, hasMore: false, lastID: nil))
    }

    /// The address the caller reached Rapport at, which the shop should use too.
    static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1:8080"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        return "\(scheme)://\(host)"
    }
}
