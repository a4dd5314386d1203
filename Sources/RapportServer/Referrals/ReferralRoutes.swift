import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/referrals`: the programme, friends recorded with a code (the shop, at sign-up or
/// checkout), the review of flagged ones; `/api/v1/customers/{id}/referral`: a customer's code
/// and link.
struct ReferralRoutes {
    let referrals: ReferralService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("referrals/program") { _, context in
            guard let program = try await referrals.program(as: context.actor) else {
                throw RapportError.notFound("No referral programme yet; PUT /api/v1/referrals/program sets one.")
            }
            return try JSONResponse.make(ReferralProgramResponse(program))
        }
        group.put("referrals/program", requiring: .manageLoyalty) { request, context in
            let program = try await Self.program(of: request, context: context)
            return try JSONResponse.make(ReferralProgramResponse(try await referrals.setProgram(program, as: context.actor)))
        }
        group.get("customers/:id/referral") { _, context in
            let id = try PathID.require(context, .customer, "customer")
            return try JSONResponse.make(ReferralAccountResponse(try await referrals.account(customerID: id, as: context.actor)))
        }
        group.post("referrals", requiring: .recordReferrals) { request, context in
            var body = try await JSONObjectReader.body(of: request, context: context)
            let code = body.requiredString("code", maxLength: 64)
            let customerID = body.requiredString("customer_id", maxLength: 64)
            if let id = customerID, !ResourceID.isValid(id, prefix: .customer) { body.fail("customer_id", "must be a customer id (`cus_…`)") }
            let fingerprint = body.string("payment_fingerprint", maxLength: ReferralService.maximumFingerprintLength)
            try body.finish()
            let referral = try await referrals.refer(code: code ?? "", friendID: customerID ?? "", paymentFingerprint: fingerprint, as: context.actor)
            return try JSONResponse.make(ReferralResponse(referral), status: .created)
        }
        group.get("referrals") { request, context in
            var status: ReferralStatus?
            if let text = request.uri.queryParameters.get("status"), !text.isEmpty {
                guard let known = ReferralStatus(rawValue: text) else {
                    throw RapportError.invalid(field: "status", "must be one of \(ReferralStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                status = known
            }
            let referrerID = request.uri.queryParameters.get("referrer_id").flatMap { $0.isEmpty ? nil : $0 }
            let found = try await referrals.list(status: status, referrerID: referrerID, page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.items.map(ReferralResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
        }
        group.get("referrals/:id") { _, context in
            try JSONResponse.make(ReferralResponse(try await referrals.find(id: try PathID.require(context, .referral, "referral"), as: context.actor)))
        }
        group.post("referrals/:id/approve", requiring: .recordReferrals) { _, context in
            try JSONResponse.make(ReferralResponse(try await referrals.approve(id: try PathID.require(context, .referral, "referral"), as: context.actor)))
        }
        group.post("referrals/:id/reject", requiring: .recordReferrals) { request, context in
            let id = try PathID.require(context, .referral, "referral")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let reason = body.requiredString("reason", maxLength: ReferralService.maximumReasonLength * 2)
            try body.finish()
            return try JSONResponse.make(ReferralResponse(try await referrals.reject(id: id, reason: reason ?? "", as: context.actor)))
        }
    }

    /// The whole programme; what is left out takes its default.
    private static func program(of request: Request, context: AuthenticatedRequestContext) async throws -> ReferralProgram {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let defaults = ReferralProgram(workspaceID: "", updatedAt: Date())
        let points = 0...ReferralProgram.maximumPoints
        let program = ReferralProgram(
            workspaceID: context.actor.workspaceID, enabled: body.bool("enabled") ?? defaults.enabled,
            referrerPoints: body.integer("referrer_points", in: points) ?? defaults.referrerPoints,
            friendPoints: body.integer("friend_points", in: points) ?? defaults.friendPoints,
            minimumOrderAmount: body.integer("minimum_order_amount", in: 0...1_000_000_000_000) ?? defaults.minimumOrderAmount,
            qualifyingDays: body.integer("qualifying_days", in: 0...Int64(ReferralProgram.maximumDays)).map(Int.init) ?? defaults.qualifyingDays,
            maximumUsesPerCode: body.integer("maximum_uses_per_code", in: 1...1_000_000).map(Int.init) ?? defaults.maximumUsesPerCode,
            landingURL: body.string("landing_url", maxLength: 2000), updatedAt: Date())
        try body.finish()
        return program
    }
}
