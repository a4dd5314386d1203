import Foundation

extension TrackingService {
    /// The tracked event that opens a lead.
    static let leadCreated = "Lead Created"

    /// Opens a lead (or adds to the open one) for each `Lead Created` call, on the call's own
    /// customer only: a call naming no one (an anonymous visitor without a profile) opens none,
    /// no address in its properties names anyone else, and a browser key's call opens none on a
    /// customer who holds proof. `title` (else `product`), `campaign` (else the context's campaign
    /// name) come from any key; the company (`company`, `company_domain`) and `role` only from
    /// a server key's calls, so a public browser key cannot fill the workspace with companies.
    func recordLeads(_ drafts: [TrackingDraft], events: [TrackedEvent], workspaceID: String, transaction: WriteTransaction) async throws {
        let actor = Actor.system("tracking", workspaceID: workspaceID)
        let calls = zip(drafts, events).filter { $0.0.message.type == .track && $0.0.message.event == Self.leadCreated }
        // The batch's people held at once, in id order, so two batches at once cannot wait on each other in a circle.
        let people = Set(calls.compactMap(\.1.customerID))
        if !people.isEmpty { try await transaction.session.customers.lockCustomers(ids: Array(people)) }
        for (draft, event) in calls {
            guard let customerID = event.customerID else { continue }
            // A browser key's call is anyone's say-so: it opens no lead on a customer who holds proof.
            if draft.provenance == .asserted, try await transaction.session.customers.find(id: customerID, workspaceID: workspaceID)?.holdsProof != false {
                continue
            }
            let properties = draft.message.properties
            var campaign = EcommerceMapping.scalarText(properties["campaign"])
            if campaign == nil, case .object(let context)? = draft.message.context["campaign"] { campaign = EcommerceMapping.scalarText(context["name"]) }
            var enquiry = LeadEnquiry(
                source: .tracking, campaign: campaign, originID: draft.messageID,
                title: EcommerceMapping.scalarText(properties["title"]) ?? EcommerceMapping.scalarText(properties["product"]))
            if draft.provenance == .proven {
                enquiry.companyName = EcommerceMapping.scalarText(properties["company"])
                enquiry.companyDomain = EcommerceMapping.scalarText(properties["company_domain"]).flatMap { try? CompanyRules.domain($0) }
                enquiry.role = EcommerceMapping.scalarText(properties["role"])
            }
            do {
                _ = try await LeadOpening.open(enquiry, customerID: customerID, by: actor, in: transaction)
            } catch RapportError.invalid {
                // A property too long or malformed opens no lead; the event itself is kept.
                // (Every such refusal comes before the opening writes anything.)
                continue
            }
        }
    }
}
