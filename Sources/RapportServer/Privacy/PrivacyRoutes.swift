import Foundation
import Hummingbird
import RapportCore

/// A customer's data-subject rights over the API: `GET /api/v1/customers/{id}/export` (the
/// whole archive, JSON or ZIP) and `POST /api/v1/customers/{id}/erase`.
struct PrivacyRoutes {
    let privacy: PrivacyService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("customers/:id/export", requiring: .exportCustomerData, use: export)
        group.post("customers/:id/erase", requiring: .eraseCustomers, use: erase)
    }

    @Sendable func export(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let format = try CustomerExportFile.format(of: request)
        let export = try await privacy.export(customerID: try id(context), as: context.actor)
        return CustomerExportFile(export, format: format).response
    }

    @Sendable func erase(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let orders = try await PrivacyRequests.erasedOrders(request, context: context)
        let receipt = try await privacy.erase(customerID: try id(context), orders: orders, as: context.actor)
        // Not kept for a retry with the same Idempotency-Key: the erased ids stay nowhere.
        return try JSONResponse.make(ErasureResponse(receipt), headers: [.cacheControl: "no-store"])
    }

    private func id(_ context: AuthenticatedRequestContext) throws -> String {
        try PathID.require(context, .customer, "customer")
    }
}
