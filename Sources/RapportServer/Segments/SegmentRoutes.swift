import Hummingbird
import RapportCore

/// `/api/v1/segments`: segments (a definition whose membership Rapport keeps current) and
/// lists (members added by hand), their members, previews of unsaved definitions, and a
/// customer's segments.
struct SegmentRoutes {
    let segments: SegmentService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("segments", use: list)
        group.post("segments", requiring: .manageSegments, use: create)
        group.post("segments/preview", requiring: .viewSegments, use: preview)
        group.get("segments/:id", use: show)
        group.patch("segments/:id", use: update)
        group.delete("segments/:id", use: delete)
        group.get("segments/:id/members", use: members)
        group.post("segments/:id/members", requiring: .manageSegments, use: addMembers)
        group.delete("segments/:id/members/:customer_id", use: removeMember)
        group.post("segments/:id/freeze", requiring: .manageSegments, use: freeze)
        group.post("segments/:id/rebuild", requiring: .manageSegments, use: rebuild)
        group.get("customers/:id/segments", use: ofCustomer)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let all = try await segments.list(as: context.actor)
        return try JSONResponse.make(ListResponse(data: all.map(SegmentResponse.init), hasMore: false, lastID: nil))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let draft = try await Self.draft(request, context: context, creating: true)
        return try JSONResponse.make(SegmentResponse(try await segments.create(draft, as: context.actor)), status: .created)
    }

    @Sendable func preview(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let definition = body.any("definition")
        if definition == nil { body.fail("definition", "is required: the definition to count") }
        try body.finish()
        return try JSONResponse.make(SegmentPreviewResponse(try await segments.preview(definition ?? .null, as: context.actor)))
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(SegmentResponse(try await segments.find(id: try PathID.require(context, .segment, "segment"), as: context.actor)))
    }

    @Sendable func update(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .segment, "segment")
        let draft = try await Self.draft(request, context: context, creating: false)
        return try JSONResponse.make(SegmentResponse(try await segments.update(id: id, draft, as: context.actor)))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await segments.delete(id: try PathID.require(context, .segment, "segment"), as: context.actor)
        return Response(status: .noContent)
    }

    @Sendable func members(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try await segments.members(
            id: try PathID.require(context, .segment, "segment"), page: try PageParameters.read(request), as: context.actor)
        return try JSONResponse.make(ListResponse(data: page.items.map(CustomerResponse.init), hasMore: page.hasMore, lastID: page.items.last?.id))
    }

    @Sendable func addMembers(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .segment, "segment")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let ids = body.stringArray("customer_ids")
        if ids == nil { body.fail("customer_ids", "is required: the customers to add") }
        try body.finish()
        return try JSONResponse.make(SegmentResponse(try await segments.addToList(id: id, customerIDs: ids ?? [], as: context.actor)))
    }

    @Sendable func removeMember(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .segment, "segment")
        let customerID = try PathID.require(context, .customer, "customer", parameter: "customer_id")
        return try JSONResponse.make(SegmentResponse(try await segments.removeFromList(id: id, customerIDs: [customerID], as: context.actor)))
    }

    @Sendable func freeze(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .segment, "segment")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let name = body.requiredString("name", maxLength: SegmentService.maximumNameLength)
        try body.finish()
        return try JSONResponse.make(SegmentResponse(try await segments.freeze(id: id, name: name ?? "", as: context.actor)), status: .created)
    }

    @Sendable func rebuild(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let moved = try await segments.rebuild(id: try PathID.require(context, .segment, "segment"), as: context.actor)
        return try JSONResponse.make(SegmentRebuildResponse(entered: moved.entered, left: moved.left))
    }

    @Sendable func ofCustomer(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let found = try await segments.segments(ofCustomer: try PathID.require(context, .customer, "customer"), as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.map(SegmentResponse.init), hasMore: false, lastID: nil))
    }

    /// `name`, `description`, `kind` (`dynamic` or `list`) and `definition`; `name` is required to create.
    private static func draft(_ request: Request, context: AuthenticatedRequestContext, creating: Bool) async throws -> SegmentDraft {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var draft = SegmentDraft()
        draft.name = creating ? body.requiredString("name", maxLength: SegmentService.maximumNameLength) : body.string("name", maxLength: SegmentService.maximumNameLength)
        draft.description = body.nullableString("description", maxLength: SegmentService.maximumDescriptionLength)
        if let kind = body.string("kind", maxLength: 20) {
            draft.kind = SegmentKind(rawValue: kind)
            if draft.kind == nil { body.fail("kind", "must be dynamic or list") }
        }
        draft.definition = body.any("definition")
        try body.finish()
        return draft
    }
}
