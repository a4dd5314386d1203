import Foundation
import Hummingbird
import RapportCore

/// The forms builder: `/forms` lists them and starts one; `/forms/{id}` changes its settings,
/// adds, moves up and removes questions and results, and deletes it. Every change goes through
/// `FormService` (checked whole, audited); a refused one shows the page again with why.
struct FormPages {
    let forms: FormService
    let address: PublicAddress
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("forms", requiring: .viewForms, use: list)
        group.post("forms", requiring: .manageForms, use: create)
        group.get("forms/:id", requiring: .viewForms, use: show)
        group.post("forms/:id", requiring: .manageForms) { request, context in
            try await change(request, context) { form in
                let typed = try form.decode(FormBuilderForms.Settings.self)
                return { input in try FormBuilderForms.apply(typed, to: &input) }
            }
        }
        group.post("forms/:id/questions", requiring: .manageForms) { request, context in
            try await change(request, context) { form in
                let question = try FormBuilderForms.question(try form.decode(FormBuilderForms.Question.self))
                return { input in input.definition.questions.append(question) }
            }
        }
        group.post("forms/:id/questions/:key/remove", requiring: .manageForms) { request, context in
            let key = try context.parameters.require("key")
            return try await change(request, context) { _ in { input in try input.definition.removeQuestion(key: key) } }
        }
        group.post("forms/:id/questions/:key/up", requiring: .manageForms) { request, context in
            let key = try context.parameters.require("key")
            return try await change(request, context) { _ in { input in try input.definition.moveQuestionUp(key: key) } }
        }
        group.post("forms/:id/results", requiring: .manageForms) { request, context in
            try await change(request, context) { form in
                let result = FormBuilderForms.result(try form.decode(FormBuilderForms.Result.self))
                return { input in input.definition.results.append(result) }
            }
        }
        group.post("forms/:id/results/:key/remove", requiring: .manageForms) { request, context in
            let key = try context.parameters.require("key")
            return try await change(request, context) { _ in { input in try input.definition.removeResult(key: key) } }
        }
        group.post("forms/:id/delete", requiring: .manageForms) { request, context in
            _ = try await WebForm.read(request, context: context)
            try await forms.delete(id: try PathID.require(context, .form, "form"), as: context.actor)
            return WebRedirect.to("/forms")
        }
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await listPage(context, errors: [])
    }

    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let typed = try await WebForm.read(request, context: context).decode(FormBuilderForms.Create.self)
        do {
            let kind = FormKind(rawValue: typed.kind ?? "") ?? .form
            let form = try await forms.create(FormInput(name: typed.name ?? "", kind: kind, definition: FormDefinition()), as: context.actor)
            return WebRedirect.to("/forms/\(form.id)")
        } catch RapportError.invalid(let problems) {
            return try await listPage(context, errors: problems, status: .unprocessableContent)
        }
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .form, "form")
        var view = try await builder(id: id, request: request, context: context)
        view.saved = request.uri.queryParameters["saved"] != nil
        return try pages.render("form_builder", context, title: view.name, section: "forms", view: view)
    }

    /// Reads the page's form into a change, and saves the stored form with it (`FormService.edit`,
    /// on the form as it is then); a refused change shows the page again (422) with the problems
    /// and nothing saved.
    private func change(
        _ request: Request, _ context: SignedInRequestContext,
        _ read: (WebForm) throws -> @Sendable (inout FormInput) throws -> Void
    ) async throws -> Response {
        let id = try PathID.require(context, .form, "form")
        let typed = try await WebForm.read(request, context: context)
        do {
            _ = try await forms.edit(id: id, as: context.actor, try read(typed))
            return WebRedirect.to("/forms/\(id)?saved=1")
        } catch RapportError.invalid(let problems) {
            var view = try await builder(id: id, request: request, context: context)
            view.errors = problems.map(WebFormat.problem)
            view.hasErrors = true
            return try pages.render("form_builder", context, title: view.name, section: "forms", view: view, status: .unprocessableContent)
        }
    }

    private func builder(id: String, request: Request, context: SignedInRequestContext) async throws -> FormBuilderView {
        let found = try await forms.find(id: id, as: context.actor)
        let recent = try await forms.responses(formID: id, page: try PageRequest(limit: 20), as: context.actor)
        return FormBuilderView(
            found.form, answerCount: found.answers, recent: recent.items, base: address.base(of: request), mayManage: context.actor.may(.manageForms))
    }

    private func listPage(_ context: SignedInRequestContext, errors: [FieldError], status: HTTPResponse.Status = .ok) async throws -> Response {
        let found = try await forms.list(page: try PageRequest(limit: PageRequest.maximumLimit), as: context.actor)
        var view = FormsPageView(
            rows: found.page.items.map { form in
                FormsPageView.Row(
                    id: form.id, name: form.name, kind: form.kind.rawValue, status: form.status.rawValue, answers: found.answers[form.id] ?? 0,
                    updated: WebFormat.day(form.updatedAt))
            },
            empty: found.page.items.isEmpty, mayManage: context.actor.may(.manageForms))
        view.errors = errors.map(WebFormat.problem)
        view.hasErrors = !errors.isEmpty
        return try pages.render("forms", context, title: "Forms and quizzes", section: "forms", view: view, status: status)
    }
}
