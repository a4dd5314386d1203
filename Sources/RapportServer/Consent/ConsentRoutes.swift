import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/customers/{id}/consents`: record a consent change with its evidence, and read
/// every purpose and channel with its history.
struct ConsentRoutes {
    let consents: ConsentService
    let clock: any WallClock

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("customers/:id/consents", requiring: .editCustomers, use: record)
        group.get("customers/:id/consents", use: list)
    }

    @Sendable func record(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = try ConsentRequests.change(&body)
        let state = try await consents.record(
            input, customerID: try id(context), witness: .observed(request, peerAddress: context.peerAddress, actor: context.actor),
            as: context.actor)
        return try JSONResponse.make(ConsentResponse(state, now: clock.now()), status: .created)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let states = try await consents.consents(customerID: try id(context), as: context.actor)
        let now = clock.now()
        return try JSONResponse.make(ListResponse(data: states.map { ConsentResponse($0, now: now) }, hasMore: false, lastID: nil))
    }

    private func id(_ context: AuthenticatedRequestContext) throws -> String {
        try PathID.require(context, .customer, "customer")
    }
}
