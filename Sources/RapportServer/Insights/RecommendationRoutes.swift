import Hummingbird
import RapportCore

/// `/api/v1/customers/{id}/recommendations` and `/api/v1/products/{id}/recommendations`.
struct RecommendationRoutes {
    let recommendations: RecommendationService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("customers/:id/recommendations", use: forCustomer)
        group.get("products/:id/recommendations", use: forProduct)
    }

    @Sendable func forCustomer(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let items = try await recommendations.forCustomer(
            id: try PathID.require(context, .customer, "customer"), limit: try limit(request), as: context.actor)
        return try JSONResponse.make(RecommendationListResponse(lists: [("data", items)]))
    }

    @Sendable func forProduct(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let (together, similar) = try await recommendations.forProduct(
            id: try PathID.require(context, .product, "product"), limit: try limit(request), as: context.actor)
        return try JSONResponse.make(RecommendationListResponse(lists: [("bought_together", together), ("similar", similar)]))
    }

    /// `limit`: 1 to 50, default 10.
    private func limit(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return 10 }
        guard let value = Int(text), (1...50).contains(value) else { throw RapportError.invalid(field: "limit", "must be a whole number from 1 to 50") }
        return value
    }
}
