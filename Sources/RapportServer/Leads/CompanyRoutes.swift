import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/companies`: listed (`?q=` by the start of the name or domain, `?owner_id=`), made,
/// read, changed, deleted; and their people: listed, added or changed (`role`, `primary`),
/// removed.
struct CompanyRoutes {
    let companies: CompanyService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("companies", requiring: .viewSales) { request, context in
            let page = try PageParameters.read(request)
            let query = request.uri.queryParameters
            var filter = CompanyFilter()
            if let text = query.get("q") {
                guard text.count <= 200 else { throw RapportError.invalid(field: "q", "must be at most 200 characters") }
                filter.query = text.trimmingCharacters(in: .whitespaces)
            }
            filter.ownerID = try QueryID.read(query.get("owner_id"), .user, field: "owner_id")
            let found = try await companies.list(filter: filter, page: page, as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.items.map(CompanyResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
        }
        group.post("companies", requiring: .workLeads) { request, context in
            let change = try await CompanyRequests.change(of: request, context: context)
            return try JSONResponse.make(CompanyResponse(try await companies.create(change, as: context.actor)), status: .created)
        }
        group.get("companies/:id", requiring: .viewSales) { _, context in
            try JSONResponse.make(CompanyResponse(try await companies.find(id: try PathID.require(context, .company, "company"), as: context.actor)))
        }
        group.patch("companies/:id", requiring: .workLeads) { request, context in
            let id = try PathID.require(context, .company, "company")
            let change = try await CompanyRequests.change(of: request, context: context)
            return try JSONResponse.make(CompanyResponse(try await companies.update(id: id, change, as: context.actor)))
        }
        group.delete("companies/:id", requiring: .workLeads) { _, context in
            try await companies.delete(id: try PathID.require(context, .company, "company"), as: context.actor)
            return Response(status: .noContent)
        }
        group.get("companies/:id/people", requiring: .viewSales) { _, context in
            let people = try await companies.people(companyID: try PathID.require(context, .company, "company"), as: context.actor)
            return try JSONResponse.make(ListResponse(data: people.map(CompanyPersonResponse.init), hasMore: false, lastID: nil))
        }
        group.post("companies/:id/people", requiring: .workLeads) { request, context in
            let companyID = try PathID.require(context, .company, "company")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let customerID = AssignmentFields.id("customer_id", .customer, in: &body) ?? nil
            if customerID == nil { body.fail("customer_id", "is required") }
            let role = body.nullableString("role", maxLength: 1000)
            if case .null? = body.any("primary") { body.fail("primary", "cannot be null: true or false") }
            let primary = body.bool("primary")
            try body.finish()
            let person = try await companies.savePerson(customerID: customerID ?? "", role: role, isPrimary: primary, companyID: companyID, as: context.actor)
            return try JSONResponse.make(CompanyPersonResponse(person))
        }
        group.delete("companies/:id/people/:customer_id", requiring: .workLeads) { _, context in
            let companyID = try PathID.require(context, .company, "company")
            let customerID = try PathID.require(context, .customer, "customer", parameter: "customer_id")
            try await companies.removePerson(customerID: customerID, companyID: companyID, as: context.actor)
            return Response(status: .noContent)
        }
    }
}
