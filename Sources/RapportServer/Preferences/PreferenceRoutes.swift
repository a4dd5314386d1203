import Foundation
import Hummingbird
import RapportCore

/// `POST /api/v1/customers/{id}/preference_link`: a customer's signed links to their
/// preference centre and to unsubscribe, with the headers a campaign e-mail carries.
struct PreferenceRoutes {
    let preferences: PreferenceService
    let address: PublicAddress

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("customers/:id/preference_link", requiring: .editCustomers, use: link)
    }

    @Sendable func link(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let links = try await preferences.links(customerID: try PathID.require(context, .customer, "customer"), as: context.actor)
        let base = address.base(of: request)
        let unsubscribe = base + SiteURL.unsubscribe(token: links.unsubscribe).path
        let mailto = links.mailbox.map { "mailto:\($0)?subject=" + PreferenceService.unsubscribeSubjectPrefix.replacingOccurrences(of: " ", with: "%20") + links.unsubscribe }
        return try JSONResponse.make(PreferenceLinkResponse(
            expiresAt: links.preferencesExpireAt, listUnsubscribe: (["<\(unsubscribe)>"] + (mailto.map { ["<\($0)>"] } ?? [])).joined(separator: ", "),
            unsubscribeExpiresAt: links.unsubscribeExpiresAt, unsubscribeMailto: mailto, unsubscribeURL: unsubscribe,
            url: base + SiteURL.preferences(token: links.preferences).path),
            // The links are capabilities: not kept for a retry with the same Idempotency-Key.
            status: .created, headers: [.cacheControl: "no-store"])
    }
}
