import Foundation

/// Forms and quizzes: built in the workspace, embedded on the shop with `form.js`, answered by
/// its visitors.
///
/// A submission is a visitor's say-so, as a browser key's tracking call is: its answers land,
/// in one transaction, on the visitor's profile (asserted, never on a customer who holds proof)
/// as attributes, and its completion as a `Form Submitted` or `Quiz Completed` event that
/// segments and journeys read. A ticked consent box grants nothing by itself: it starts the
/// double opt-in of `SignUpService`, with the form's own wording as the evidence of what was
/// asked. A quiz scores its answers into a result that recommends products.
public struct FormService: Sendable {
    private let customers: CustomerService
    private let tracking: TrackingService
    private let signUps: SignUpService
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService, tracking: TrackingService, signUps: SignUpService) {
        self.customers = customers
        self.tracking = tracking
        self.signUps = signUps
    }

    public func create(_ input: FormInput, as actor: Actor) async throws -> Form {
        try actor.require(.manageForms)
        let checked = try Self.checked(input)
        return try await context.write { transaction in
            try await Self.requireSendingInbox(for: checked, workspaceID: actor.workspaceID, session: transaction.session)
            let form = Form(
                id: ResourceID.make(.form, at: transaction.now), workspaceID: actor.workspaceID, name: checked.name.trimmed, kind: checked.kind,
                status: checked.status, definition: checked.definition, createdAt: transaction.now, updatedAt: transaction.now)
            try await transaction.session.forms.insert(form)
            try await transaction.audit(
                AuditRecord(.formCreated, subject: .form(form.id), details: ["kind": form.kind.rawValue, "status": form.status.rawValue]), by: actor)
            return form
        }
    }

    /// Replaces the form whole. Answers already taken keep the questions they answered.
    public func update(id: String, _ input: FormInput, as actor: Actor) async throws -> Form {
        try await edit(id: id, as: actor) { $0 = input }
    }

    /// Changes the form as `change` says, on the form as it is when the change is saved: two
    /// editors adding a question each both keep theirs (a change that raced another is run
    /// again on the other's result).
    public func edit(id: String, as actor: Actor, _ change: @escaping @Sendable (inout FormInput) throws -> Void) async throws -> Form {
        try actor.require(.manageForms)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard var form = try await session.forms.find(id: id, workspaceID: actor.workspaceID) else { throw Self.missing }
            var input = FormInput(name: form.name, kind: form.kind, status: form.status, definition: form.definition)
            try change(&input)
            let checked = try Self.checked(input)
            try await Self.requireSendingInbox(for: checked, workspaceID: actor.workspaceID, session: session)
            let readAt = form.updatedAt
            form.name = checked.name.trimmed
            form.kind = checked.kind
            form.status = checked.status
            form.definition = checked.definition
            form.updatedAt = max(transaction.now, readAt + 0.000_001)
            guard try await session.forms.update(form, expectedUpdatedAt: readAt) else { throw StoreConflict() }
            try await transaction.audit(
                AuditRecord(.formUpdated, subject: .form(form.id), details: ["kind": form.kind.rawValue, "status": form.status.rawValue]), by: actor)
            return form
        }
    }

    /// Removes the form and the answers it took (what they put on profiles stays there).
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageForms)
        try await context.write { transaction in
            guard let answers = try await transaction.session.forms.delete(id: id, workspaceID: actor.workspaceID) else { throw Self.missing }
            try await transaction.audit(AuditRecord(.formDeleted, subject: .form(id), details: ["answers": String(answers)]), by: actor)
        }
    }

    public func find(id: String, as actor: Actor) async throws -> (form: Form, answers: Int) {
        try actor.require(.viewForms)
        return try await context.store.read { session in
            guard let form = try await session.forms.find(id: id, workspaceID: actor.workspaceID) else { throw Self.missing }
            return (form, try await session.forms.responseCounts(formIDs: [id], workspaceID: actor.workspaceID)[id] ?? 0)
        }
    }

    /// The workspace's forms, newest first, each with how many answers it took.
    public func list(page: PageRequest, as actor: Actor) async throws -> (page: Page<Form>, answers: [String: Int]) {
        try actor.require(.viewForms)
        return try await context.store.read { session in
            let forms = try await session.forms.list(workspaceID: actor.workspaceID, page: page)
            return (forms, try await session.forms.responseCounts(formIDs: forms.items.map(\.id), workspaceID: actor.workspaceID))
        }
    }

    public func responses(formID: String, page: PageRequest, as actor: Actor) async throws -> Page<FormResponse> {
        try actor.require(.viewForms)
        return try await context.store.read { session in
            guard try await session.forms.find(id: formID, workspaceID: actor.workspaceID) != nil else { throw Self.missing }
            return try await session.forms.responses(formID: formID, workspaceID: actor.workspaceID, page: page)
        }
    }

    /// A live form, as the snippet shows it; a draft, a closed or an unknown one is not found.
    public func published(id: String, workspaceID: String) async throws -> Form {
        try await context.store.read { session in
            guard let form = try await session.forms.find(id: id, workspaceID: workspaceID), form.status == .live else { throw Self.missing }
            return form
        }
    }

    /// Takes a visitor's answers. `origin`: the page's origin a browser sent, which must be one
    /// the form allows (a call without one — a server, or anyone with the browser key and a
    /// script — is held only to the key's provenance). `provenance`: asserted for a browser key,
    /// proven for a server key, whose `userId` names the shop's signed-in customer; a browser
    /// key may not name one. A retry with the same `submission_id` answers as the first did and
    /// stores nothing.
    public func submit(
        _ submission: FormSubmission, formID: String, workspaceID: String, provenance: IdentityProvenance, origin: String?,
        witness: ConsentWitness, requestedBy: String
    ) async throws -> FormOutcome {
        // The form is read in the transaction that stores the answers: a form closed or changed
        // meanwhile is not answered as it was.
        let (response, form): (FormResponse, Form) = try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard let form = try await session.forms.find(id: formID, workspaceID: workspaceID) else { throw Self.missing }
            if let id = submission.submissionID, let earlier = try await session.forms.response(submissionID: id, formID: form.id, workspaceID: workspaceID) {
                return (earlier, form)
            }
            guard form.status == .live else { throw Self.missing }
            if let origin, !form.definition.allowedOrigins.contains(origin) {
                throw RapportError.forbidden("This form takes answers only from the shop's pages it names (allowed_origins); \(origin) is not one.")
            }
            if submission.userID != nil, provenance != .proven {
                throw RapportError.invalid(field: "user_id", "needs a server key: a browser key's caller could name anyone; send anonymous_id")
            }
            let answers = try FormRules.answers(submission, form: form, normalizer: customers.normalizer).get()
            guard submission.userID != nil || submission.anonymousID != nil else {
                throw RapportError.invalid(field: "anonymous_id", "is required (the visitor's anonymous id), or user_id with a server key")
            }
            let result = FormRules.result(of: answers, form: form)
            let email = form.definition.emailQuestion.flatMap { answers[$0.key]?.text }
            let responseID = ResourceID.make(.formResponse, at: transaction.now)
            let drafts = try Self.trackingDrafts(
                form: form, answers: answers, result: result, submission: submission, responseID: responseID, provenance: provenance,
                normalizer: customers.normalizer, now: transaction.now)
            _ = try await tracking.write(drafts, workspaceID: workspaceID, receivedAt: transaction.now, transaction: transaction)
            // The profile the completion event went to, found as the tracking call found it.
            let visitor = [drafts[0].user, drafts[0].anonymous].compactMap { $0 }
            let owners = try await session.customers.owners(of: visitor.map(\.key), workspaceID: workspaceID)
            let owner = visitor.lazy.compactMap { owners[$0.key] }.first { !$0.isDeleted }
            var signUpID: String?
            if submission.consented, let email, let consent = form.definition.consent {
                do {
                    // The purposes and the words are the form's, set in the workspace: the store's own.
                    signUpID = try await signUps.signUp(
                        SignUpInput(email: email, purposes: consent.purposes, text: consent.text, locale: submission.locale),
                        workspaceID: workspaceID, requestedBy: requestedBy, witness: witness, trusted: true, in: transaction).id
                } catch RapportError.conflict {
                    // The e-mail inbox went after the form went live: the answers are kept, no confirmation is mailed.
                    signUpID = nil
                }
            }
            let response = FormResponse(
                id: responseID, workspaceID: workspaceID, formID: form.id, submissionID: submission.submissionID ?? responseID,
                customerID: owner?.customerID, anonymousID: drafts[0].anonymous?.value, email: email, answers: answers,
                resultKey: result?.key, signUpID: signUpID, origin: origin, ipAddress: ConsentService.clipped(witness.ipAddress, 64),
                userAgent: ConsentService.clipped(witness.userAgent, 512), createdAt: transaction.now)
            try await session.forms.insertResponse(response)
            try await transaction.record(FormSubmitted(form: form, response: response))
            if let lead = form.definition.lead, let customerID = owner?.customerID {
                // On the visitor's own profile, as the answers' attributes went: never on the
                // address they typed.
                let enquiry = LeadEnquiry(
                    source: form.kind == .quiz ? .quiz : .form, campaign: lead.campaign, originID: response.id, title: lead.title ?? form.name)
                _ = try await LeadOpening.open(enquiry, customerID: customerID, by: .system("form:\(form.id)", workspaceID: workspaceID), in: transaction)
            }
            return (response, form)
        }
        return try await outcome(of: response, form: form)
    }

    private func outcome(of response: FormResponse, form: Form) async throws -> FormOutcome {
        let scored = form.definition.results.first { $0.key == response.resultKey }
        return FormOutcome(
            response: response, result: scored, products: try await products(scored?.productIDs ?? [], workspaceID: form.workspaceID),
            confirmationRequested: response.signUpID != nil, thankYou: form.definition.thankYou)
    }

    /// A live form whose consent box mails a confirmation needs an inbox to send it from.
    private static func requireSendingInbox(for input: FormInput, workspaceID: String, session: any StoreSession) async throws {
        guard input.status == .live, input.definition.consent != nil else { return }
        let inboxes = try await session.inboxes.inboxes(workspaceID: workspaceID)
        guard inboxes.contains(where: { $0.channel == .email && $0.address != nil }) else {
            throw RapportError.invalid(
                field: "consent", "a live form's consent box mails a confirmation link: the workspace needs an e-mail inbox with an address first")
        }
    }

    /// The products a result recommends that are still on sale, in its order: each by Rapport's
    /// id or the shop's own.
    private func products(_ ids: [String], workspaceID: String) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        return try await context.store.read { session in
            var found: [Product] = []
            for id in ids {
                let product = ResourceID.isValid(id, prefix: .product)
                    ? try await session.catalog.find(id: id, workspaceID: workspaceID)
                    : try await session.catalog.find(externalID: id, workspaceID: workspaceID)
                if let product, product.active, !found.contains(where: { $0.id == product.id }) { found.append(product) }
            }
            return found
        }
    }

    /// The visitor's profile change (the answers' attributes and the address, as an `identify`)
    /// and the completion event, under ids only this response makes.
    private static func trackingDrafts(
        form: Form, answers: [String: JSONValue], result: FormResult?, submission: FormSubmission, responseID: String,
        provenance: IdentityProvenance, normalizer: IdentityNormalizer, now: Date
    ) throws -> [TrackingDraft] {
        // A typed address is whoever typed it's say-so, even through the shop's back end (a
        // signed-in customer may type someone else's): it goes to the double opt-in and the
        // stored answers, never onto the profile, where the owner's confirmation would prove a
        // profile the typing browser holds. The shop's back end names its customer's own
        // address with an `identify`.
        let traits = FormRules.traits(of: answers, form: form)
        var properties: [String: JSONValue] = ["form_id": .string(form.id), "form": .string(form.name), "response_id": .string(responseID)]
        if let result { properties["result"] = .string(result.key) }
        let emailKey = form.definition.emailQuestion?.key
        properties.merge(answers.filter { $0.key != emailKey }) { own, _ in own }
        let messages = [
            (TrackingMessage(type: .identify, anonymousID: submission.anonymousID, userID: submission.userID, properties: traits), "profile"),
            (TrackingMessage(type: .track, anonymousID: submission.anonymousID, userID: submission.userID, event: form.kind.completionEvent, properties: properties), "completed"),
        ]
        return try messages.map { message, part in
            var draft = try TrackingDraft.make(message, field: nil, normalizer: normalizer, receivedAt: now).get()
            draft.messageID = TrackingService.rapportMessagePrefix + "form:\(responseID):\(part)"
            draft.provenance = provenance
            return draft
        }
    }

    private static func checked(_ input: FormInput) throws -> FormInput {
        var input = input
        input.definition.allowedOrigins = input.definition.allowedOrigins.map { FormRules.canonicalOrigin($0) ?? $0 }
        let problems = FormRules.problems(in: input)
        guard problems.isEmpty else { throw RapportError.invalid(problems) }
        return input
    }

    private static let missing = RapportError.notFound("No such form.")
}
