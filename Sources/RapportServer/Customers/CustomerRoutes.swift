import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// `/api/v1/customers…` and `/api/v1/merge-suggestions`: decode, call one service, encode.
struct CustomerRoutes {
    let customers: CustomerService
    let timeline: TimelineService
    let segments: SegmentService
    let clock: any WallClock

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("customers", requiring: .editCustomers, use: upsert)
        group.get("customers", use: list)
        group.get("customers/:id", use: show)
        group.patch("customers/:id", requiring: .editCustomers, use: patch)
        group.delete("customers/:id", requiring: .deleteCustomers, use: delete)
        group.post("customers/:id/restore", requiring: .deleteCustomers, use: restore)
        group.post("customers/:id/identities", requiring: .editCustomers, use: addIdentity)
        group.delete("customers/:id/identities/:identity_id", requiring: .editCustomers, use: removeIdentity)
        group.post("customers/:id/tags", requiring: .editCustomers, use: addTags)
        group.delete("customers/:id/tags/:tag", requiring: .editCustomers, use: removeTag)
        group.put("customers/:id/attributes/:key", requiring: .editCustomers, use: setAttribute)
        group.delete("customers/:id/attributes/:key", requiring: .editCustomers, use: removeAttribute)
        group.post("customers/:id/merge", requiring: .mergeCustomers, use: merge)
        group.post("customers/:id/unmerge", requiring: .mergeCustomers, use: unmerge)
        group.get("customers/:id/merges", use: merges)
        group.post("customers/:id/interactions", requiring: .editCustomers, use: recordInteraction)
        group.get("customers/:id/timeline", use: showTimeline)
        group.get("merge-suggestions", use: suggestions)
    }

    @Sendable func upsert(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try CustomerRequests.upsert(&body)
        let outcome = try await customers.upsert(input, as: context.actor)
        var headers = HTTPFields()
        headers[.location] = "/api/v1/customers/\(outcome.customer.id)"
        return try JSONResponse.make(CustomerResponse(outcome.customer), status: outcome.created ? .created : .ok, headers: headers)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters.get("query")
        if let query, query.count > 200 { throw RapportError.invalid(field: "query", "must be at most 200 characters") }
        let result = try await customers.list(
            query: query, filter: try CustomerFilterParameters.read(request), page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map(CustomerResponse.init), hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    /// The 360° view. A merged-away id answers 301 with the survivor's view and its `Location`.
    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let actor = context.actor
        do {
            let view = try await customers.open(id: try id(context), as: actor)
            let memberships = try await segments.segments(ofCustomer: view.customer.id, as: actor)
            return try JSONResponse.make(CustomerResponse(view, segments: memberships, now: clock.now()))
        } catch RapportError.mergedInto(let survivorID) {
            let view = try await customers.open(id: survivorID, as: actor)
            let memberships = try await segments.segments(ofCustomer: survivorID, as: actor)
            var headers = HTTPFields()
            headers[.location] = "/api/v1/customers/\(survivorID)"
            return try JSONResponse.make(CustomerResponse(view, segments: memberships, now: clock.now()), status: .movedPermanently, headers: headers)
        }
    }

    @Sendable func patch(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let patch = try CustomerRequests.patch(&body)
        let customer = try await customers.patch(id: try id(context), patch, as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await customers.delete(id: try id(context), as: context.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let customer = try await customers.restore(id: try id(context), as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func addIdentity(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = CustomerRequests.identity(&body)
        try body.finish()
        let customer = try await customers.addIdentity(id: try id(context), input, as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer), status: .created)
    }

    @Sendable func removeIdentity(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let identityID = try context.parameters.require("identity_id")
        guard ResourceID.isPlausible(identityID) else { throw RapportError.notFound("No identity with id \(identityID.prefix(64)).") }
        let customer = try await customers.removeIdentity(
            id: try id(context), identityID: identityID, as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func addTags(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let tags = body.stringArray("tags")
        if tags == nil { body.fail("tags", "is required") }
        try body.finish()
        let customer = try await customers.addTags(id: try id(context), tags ?? [], as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func removeTag(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let tag = try context.parameters.require("tag")
        let customer = try await customers.removeTag(
            id: try id(context), tag.removingPercentEncoding ?? tag, as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func setAttribute(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let raw = body.any("value")
        try body.finish()
        guard let raw, let value = CustomerRequests.attributeValue(raw) else {
            throw RapportError.invalid(field: "value", "is required: a string, a number or a boolean")
        }
        let customer = try await customers.setAttribute(
            id: try id(context), key: try context.parameters.require("key"), value: value,
            as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func removeAttribute(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let customer = try await customers.setAttribute(
            id: try id(context), key: try context.parameters.require("key"), value: nil,
            as: context.actor)
        return try JSONResponse.make(CustomerResponse(customer))
    }

    @Sendable func merge(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let from = body.requiredString("from_customer_id", maxLength: 64)
        try body.finish()
        let record = try await customers.merge(
            into: try id(context), from: from ?? "", as: context.actor)
        return try JSONResponse.make(MergeResponse(record), status: .created)
    }

    @Sendable func unmerge(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var mergeID: String?
        if request.headers[.contentLength].map({ $0 != "0" }) ?? (request.headers[.transferEncoding] != nil) {
            var body = try await JSONObjectReader.body(of: request, context: context)
            mergeID = body.string("merge_id", maxLength: 64)
            try body.finish()
        }
        let record = try await customers.unmerge(
            customerID: try id(context), mergeID: mergeID, as: context.actor)
        return try JSONResponse.make(MergeResponse(record))
    }

    @Sendable func merges(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let records = try await customers.merges(customerID: try id(context), as: context.actor)
        return try JSONResponse.make(ListResponse(data: records.map { MergeResponse($0) }, hasMore: false, lastID: nil))
    }

    @Sendable func recordInteraction(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try CustomerRequests.interaction(&body)
        let interaction = try await timeline.record(input, customerID: try id(context), as: context.actor)
        return try JSONResponse.make(InteractionResponse(interaction: interaction), status: .created)
    }

    @Sendable func showTimeline(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let result = try await customers.timeline(customerID: try id(context), page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map { InteractionResponse(interaction: $0) }, hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func suggestions(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let result = try await customers.mergeSuggestions(page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map(MergeSuggestionResponse.init), hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    /// The `{id}` path parameter; one that cannot be an id is simply not found.
    private func id(_ context: AuthenticatedRequestContext) throws -> String {
        try PathID.require(context, .customer, "customer")
    }
}
