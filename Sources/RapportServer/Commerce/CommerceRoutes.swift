import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// `/api/v1/products`, `/api/v1/orders…`, `/api/v1/returns…` and `/api/v1/stats`.
struct CommerceRoutes {
    let commerce: CommerceService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("products", requiring: .changeOrders, use: upsertProduct)
        group.get("products", use: listProducts)
        group.get("products/:id", use: showProduct)
        group.post("orders", requiring: .changeOrders, use: upsertOrder)
        group.get("orders", use: listOrders)
        group.get("orders/:id", use: showOrder)
        group.patch("orders/:id", requiring: .changeOrders, use: changeOrder)
        group.get("orders/:id/fulfillments", use: listFulfillments)
        group.post("orders/:id/fulfillments", requiring: .changeOrders, use: addFulfillment)
        group.post("returns", requiring: .changeOrders, use: requestReturn)
        group.get("returns", use: listReturns)
        group.get("returns/:id", use: showReturn)
        group.patch("returns/:id", requiring: .changeOrders, use: changeReturn)
        group.get("stats", use: stats)
    }

    @Sendable func upsertProduct(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try CommerceRequests.product(&body)
        let outcome = try await commerce.upsertProducts([input], as: context.actor)[0]
        return try created(ProductResponse(product: outcome.product), isNew: outcome.created, path: "products/\(outcome.product.id)")
    }

    @Sendable func listProducts(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters.get("query")
        if let query, query.count > 200 { throw RapportError.invalid(field: "query", "must be at most 200 characters") }
        let result = try await commerce.products(query: query, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map { ProductResponse(product: $0) }, hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func showProduct(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let product = try await commerce.product(id: try id(context, .product, "product"), as: context.actor)
        return try JSONResponse.make(ProductResponse(product: product))
    }

    @Sendable func upsertOrder(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try CommerceRequests.order(&body)
        let outcome = try await commerce.upsertOrders([input], as: context.actor)[0]
        return try created(OrderResponse(order: outcome.order), isNew: outcome.created, path: "orders/\(outcome.order.id)")
    }

    /// Orders newest first, filtered by `customer_id`, `status`, `placed_from`/`placed_before`
    /// (ISO 8601) or `number`.
    @Sendable func listOrders(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        let actor = context.actor
        if let number = query.get("number") {
            let orders = try await commerce.orders(number: String(number.prefix(64)), as: actor)
            return try JSONResponse.make(ListResponse(data: orders.map { OrderResponse(order: $0) }, hasMore: false, lastID: nil))
        }
        var filter = OrderFilter()
        var errors: [FieldError] = []
        if let customerID = query.get("customer_id") {
            if ResourceID.isValid(customerID, prefix: .customer) {
                filter.customerID = customerID
            } else {
                errors.append(FieldError(field: "customer_id", message: "is not a customer id"))
            }
        }
        if let status = query.get("status") {
            if let value = OrderStatus(rawValue: status) {
                filter.status = value
            } else {
                errors.append(FieldError(
                    field: "status", message: "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        for (key, assign) in [("placed_from", { (date: Date) in filter.placedFrom = date }), ("placed_before", { filter.placedBefore = $0 })] {
            guard let text = query.get(key) else { continue }
            if let date = Timestamp.parse(text) { assign(date) } else {
                errors.append(FieldError(field: key, message: "must be an ISO 8601 date-time such as 2026-01-31T00:00:00Z"))
            }
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        let result = try await commerce.orders(filter: filter, page: page, as: actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map { OrderResponse(order: $0) }, hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func showOrder(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let order = try await commerce.order(id: try id(context, .order, "order"), as: context.actor)
        return try JSONResponse.make(OrderResponse(order: order))
    }

    /// Moves the order along its lifecycle: `{"status": "paid"}`.
    @Sendable func changeOrder(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let status = CommerceRequests.enumeration(&body, "status", OrderStatus.self)
        if body.any("status") == nil { body.fail("status", "is required") }
        try body.finish()
        guard let status else { throw RapportError.invalid(field: "status", "is required") }
        let order = try await commerce.changeStatus(
            orderID: try id(context, .order, "order"), to: status, as: context.actor)
        return try JSONResponse.make(OrderResponse(order: order))
    }

    @Sendable func listFulfillments(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let order = try await commerce.order(id: try id(context, .order, "order"), as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: order.fulfillments.map { FulfillmentResponse(fulfillment: $0) }, hasMore: false, lastID: nil))
    }

    @Sendable func addFulfillment(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = CommerceRequests.fulfillment(&body)
        try body.finish()
        let (_, fulfillment) = try await commerce.addFulfillment(
            orderID: try id(context, .order, "order"), input, as: context.actor)
        return try JSONResponse.make(FulfillmentResponse(fulfillment: fulfillment), status: .created)
    }

    @Sendable func requestReturn(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try CommerceRequests.returnRequest(&body)
        let orderReturn = try await commerce.requestReturn(input, as: context.actor)
        return try created(ReturnResponse(orderReturn: orderReturn), isNew: true, path: "returns/\(orderReturn.id)")
    }

    @Sendable func listReturns(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        var status: ReturnStatus?
        if let text = query.get("status") {
            guard let value = ReturnStatus(rawValue: text) else {
                throw RapportError.invalid(
                    field: "status", "must be one of \(ReturnStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = value
        }
        let orderID: String? = query.get("order_id").map { String($0) }
        if let orderID, !ResourceID.isValid(orderID, prefix: .order) {
            throw RapportError.invalid(field: "order_id", "is not an order id")
        }
        let result = try await commerce.returns(orderID: orderID, status: status, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map { ReturnResponse(orderReturn: $0) }, hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func showReturn(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let found = try await commerce.orderReturn(id: try id(context, .orderReturn, "return"), as: context.actor)
        return try JSONResponse.make(ReturnResponse(orderReturn: found))
    }

    /// `{"status": "approved"}`; refunding may name `refund_amount` in minor units.
    @Sendable func changeReturn(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let status = CommerceRequests.enumeration(&body, "status", ReturnStatus.self)
        if body.any("status") == nil { body.fail("status", "is required") }
        let amount = body.integer("refund_amount", in: CommerceRequests.amountRange)
        try body.finish()
        guard let status else { throw RapportError.invalid(field: "status", "is required") }
        let changed = try await commerce.changeReturnStatus(
            id: try id(context, .orderReturn, "return"), to: status, refundAmount: amount, as: context.actor)
        return try JSONResponse.make(ReturnResponse(orderReturn: changed))
    }

    @Sendable func stats(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(StatsResponse(counts: try await commerce.counts(as: context.actor)))
    }

    private func created(_ body: some Encodable, isNew: Bool, path: String) throws -> Response {
        var headers = HTTPFields()
        headers[.location] = "/api/v1/\(path)"
        return try JSONResponse.make(body, status: isNew ? .created : .ok, headers: headers)
    }

    /// The `{id}` path parameter; one that cannot be an id of this kind is simply not found.
    private func id(_ context: AuthenticatedRequestContext, _ prefix: IDPrefix, _ noun: String) throws -> String {
        try PathID.require(context, prefix, noun)
    }
}
