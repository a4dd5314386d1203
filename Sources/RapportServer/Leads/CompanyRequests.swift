import Hummingbird
import RapportCore

/// Reads a company change from a request body: `name`, `domain` (a host or a URL), `size`
/// (a band), `country`, `industry`, `owner_id`, `team_id`; all but the name may be null to
/// clear them.
enum CompanyRequests {
    static func change(of request: Request, context: AuthenticatedRequestContext) async throws -> CompanyChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = CompanyChange()
        if let name = body.nullableString("name", maxLength: 1000) {
            change.name = name
            if name == nil { body.fail("name", "cannot be null: 1 to 200 characters") }
        }
        change.domain = body.nullableString("domain", maxLength: 1000)
        if let size = body.nullableString("size", maxLength: 16) {
            if let size, CompanySize(rawValue: size) == nil {
                body.fail("size", "must be one of \(CompanySize.allCases.map(\.rawValue).joined(separator: ", ")) (people employed), or null")
            } else {
                change.size = .some(size.flatMap(CompanySize.init(rawValue:)))
            }
        }
        change.country = body.nullableString("country", maxLength: 16)
        change.industry = body.nullableString("industry", maxLength: 1000)
        let assignment = AssignmentFields.read(&body)
        change.ownerID = assignment.ownerID
        change.teamID = assignment.teamID
        if assignment.customerID != nil { body.fail("customer_id", "is not a company's field: POST /api/v1/companies/{id}/people adds a person") }
        try body.finish()
        return change
    }
}
