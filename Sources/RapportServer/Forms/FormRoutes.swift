import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/forms`: forms and quizzes (create, change, delete, list) and the answers each took.
struct FormRoutes {
    let forms: FormService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("forms") { request, context in
            let found = try await forms.list(page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(ListResponse(
                data: found.page.items.map { FormResource($0, answers: found.answers[$0.id] ?? 0) }, hasMore: found.page.hasMore,
                lastID: found.page.items.last?.id))
        }
        group.post("forms", requiring: .manageForms) { request, context in
            let form = try await forms.create(try await FormRequests.input(of: request, context: context), as: context.actor)
            return try JSONResponse.make(FormResource(form, answers: 0), status: .created)
        }
        group.get("forms/:id") { _, context in
            let found = try await forms.find(id: try PathID.require(context, .form, "form"), as: context.actor)
            return try JSONResponse.make(FormResource(found.form, answers: found.answers))
        }
        group.put("forms/:id", requiring: .manageForms) { request, context in
            let id = try PathID.require(context, .form, "form")
            let form = try await forms.update(id: id, try await FormRequests.input(of: request, context: context), as: context.actor)
            return try JSONResponse.make(FormResource(form, answers: try await forms.find(id: id, as: context.actor).answers))
        }
        group.delete("forms/:id", requiring: .manageForms) { _, context in
            try await forms.delete(id: try PathID.require(context, .form, "form"), as: context.actor)
            return Response(status: .noContent)
        }
        group.get("forms/:id/responses") { request, context in
            let found = try await forms.responses(
                formID: try PathID.require(context, .form, "form"), page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.items.map(FormAnswersResource.init), hasMore: found.hasMore, lastID: found.items.last?.id))
        }
    }
}
