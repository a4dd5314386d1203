import Hummingbird
import RapportCore

/// Reads leads' request bodies: an enquiry (who — `customer_id`, or `email`/`phone` with
/// `first_name`/`last_name` —, the company — `company_id`, or `company` `{name, domain}` —,
/// `role`, `source`, `campaign`, `origin_id`, `title`, `owner_id`, `team_id`) and a change
/// (`title`, `status`, `disqualified_reason`, `company_id`, `campaign`, `owner_id`, `team_id`).
enum LeadRequests {
    static func enquiry(of request: Request, context: AuthenticatedRequestContext) async throws -> LeadEnquiry {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var enquiry = LeadEnquiry()
        enquiry.email = body.string("email", maxLength: 320)
        enquiry.phone = body.string("phone", maxLength: 64)
        enquiry.firstName = body.string("first_name", maxLength: 200)
        enquiry.lastName = body.string("last_name", maxLength: 200)
        enquiry.companyID = AssignmentFields.id("company_id", .company, in: &body) ?? nil
        if let company = body.object("company") {
            _ = body.nested(.object(company), at: "company") { fields in
                enquiry.companyName = fields.string("name", maxLength: 1000)
                enquiry.companyDomain = fields.string("domain", maxLength: 1000)
                if enquiry.companyName == nil && enquiry.companyDomain == nil { fields.fail("name", "is required, or a domain") }
            }
            if enquiry.companyID != nil { body.fail("company", "cannot come with company_id: give one of them") }
        }
        enquiry.role = body.string("role", maxLength: 1000)
        if let source = body.string("source", maxLength: 16) {
            // A quiz, the chat and tracking open their leads themselves; a caller may relay its own
            // forms and mail, or an import.
            let allowed: [LeadSource] = [.api, .import, .email, .form]
            if let known = LeadSource(rawValue: source), allowed.contains(known) {
                enquiry.source = known
            } else {
                body.fail("source", "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))")
            }
        }
        enquiry.campaign = body.string("campaign", maxLength: 1000)
        enquiry.originID = body.string("origin_id", maxLength: 200)
        enquiry.title = body.string("title", maxLength: 1000)
        let assignment = AssignmentFields.read(&body)
        enquiry.ownerID = assignment.ownerID
        enquiry.teamID = assignment.teamID
        enquiry.customerID = assignment.customerID ?? nil
        try body.finish()
        return enquiry
    }

    static func change(of request: Request, context: AuthenticatedRequestContext) async throws -> LeadChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = LeadChange()
        if case .null? = body.any("status") { body.fail("status", "cannot be null") }
        change.title = body.nullableString("title", maxLength: 1000)
        if let status = body.string("status", maxLength: 16) {
            change.status = LeadStatus(rawValue: status)
            if change.status == nil { body.fail("status", "must be one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        change.disqualifiedReason = body.nullableString("disqualified_reason", maxLength: 1000)
        change.companyID = AssignmentFields.id("company_id", .company, in: &body)
        change.campaign = body.nullableString("campaign", maxLength: 1000)
        let assignment = AssignmentFields.read(&body)
        change.ownerID = assignment.ownerID
        change.teamID = assignment.teamID
        if assignment.customerID != nil { body.fail("customer_id", "cannot change: a lead stays with its customer (merges move it)") }
        try body.finish()
        return change
    }
}
