import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// `/api/v1/sources`: connect a shop and learn the webhook URL to give it, list, rotate the
/// signing secret, disconnect. Admins only (Core checks it).
struct SourceRoutes {
    let sources: SourceService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("sources", requiring: .manageSources, use: create)
        group.get("sources", requiring: .manageSources, use: list)
        group.post("sources/:id/secret", requiring: .manageSources, use: rotate)
        group.delete("sources/:id", requiring: .manageSources, use: delete)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let kind = CommerceRequests.enumeration(&body, "kind", SourceKind.self)
        if body.any("kind") == nil { body.fail("kind", "is required") }
        let secret = body.requiredString("secret", maxLength: 500)
        let name = body.string("name", maxLength: 100)
        try body.finish()
        guard let kind, let secret else { throw RapportError.invalid(field: "kind", "is required") }
        let source = try await sources.create(kind: kind, name: name, secret: secret, as: context.actor)
        return try JSONResponse.make(SourceResponse(source: source, baseURL: Self.baseURL(request)), status: .created)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let all = try await sources.sources(as: context.actor)
        let base = Self.baseURL(request)
        return try JSONResponse.make(ListResponse(data: all.map { SourceResponse(source: $0, baseURL: base) }, hasMore: false, lastID: nil))
    }

    @Sendable func rotate(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let actor = context.actor
        try actor.require(.manageSources)
        var body = try await JSONObjectReader.body(of: request, context: context)
        let secret = body.requiredString("secret", maxLength: 500)
        try body.finish()
        guard let secret else { throw RapportError.invalid(field: "secret", "is required") }
        let source = try await sources.rotateSecret(id: try sourceID(context), secret: secret, as: actor)
        return try JSONResponse.make(SourceResponse(source: source, baseURL: Self.baseURL(request)))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await sources.delete(id: try sourceID(context), as: context.actor)
        return Response(status: .noContent)
    }

    private func sourceID(_ context: AuthenticatedRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .source) else { throw RapportError.notFound("No shop source with id \(id.prefix(64)).") }
        return id
    }

    /// The address the caller reached Rapport at, which the shop should use too.
    static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1:8080"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        return "\(scheme)://\(host)"
    }
}
