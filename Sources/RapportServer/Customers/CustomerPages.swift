import Foundation
import Hummingbird
import RapportCore

/// `/customers`: the list with search, a customer's page, editing tags and attributes,
/// merging two customers side by side, and undoing a merge.
struct CustomerPages {
    let customers: CustomerService
    let conversations: ConversationService
    let inboxes: InboxService
    let consents: ConsentService
    let privacy: PrivacyService
    let segments: SegmentService
    let views: CustomerViews
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("customers", use: list)
        group.get("customers/:id", use: show)
        group.post("customers/:id/tags", use: addTag)
        group.post("customers/:id/tags/remove", use: removeTag)
        group.post("customers/:id/attributes", use: setAttribute)
        group.get("customers/:id/merge/:other", requiring: .mergeCustomers, use: compare)
        group.post("customers/:id/merge", requiring: .mergeCustomers, use: merge)
        group.post("customers/:id/unmerge", requiring: .mergeCustomers, use: unmerge)
        group.post("customers/:id/conversations", use: write)
        group.post("customers/:id/consents", requiring: .editCustomers, use: recordConsent)
        group.get("customers/:id/export", requiring: .exportCustomerData, use: export)
        group.post("customers/:id/erase", requiring: .eraseCustomers, use: erase)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let query = request.uri.queryParameters["q"].map { String($0.prefix(200)) }
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .customer) ? $0 : nil }
        let tag = request.uri.queryParameters["tag"].map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces).lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        // An RFM segment by name, or a segment or list by id.
        let choice = SegmentFilterChoice(request.uri.queryParameters["segment"], segments: try await segments.list(as: actor))
        let segment = choice.rfm
        let page = try await customers.list(
            query: query, filter: CustomerFilter(tag: tag, rfmSegment: segment, segmentID: choice.segment?.id),
            page: try PageRequest(limit: 50, startingAfter: after), as: actor)
        let rows = page.items.map { customer in
            CustomersPageView.Row(
                id: customer.id, name: WebFormat.customerName(customer),
                email: customer.identities.first { $0.kind == .email }?.value, phone: customer.identities.first { $0.kind == .phone }?.value,
                tags: customer.profile.tags.map { CustomersPageView.Row.Tag(name: $0, href: "/customers?tag=" + WebRedirect.encoded($0)) },
                since: WebFormat.day(customer.createdAt))
        }
        var next: String?
        if page.hasMore, let last = page.items.last {
            next = "/customers?" + (query.map { "q=\(WebRedirect.encoded($0))&" } ?? "") + (tag.map { "tag=\(WebRedirect.encoded($0))&" } ?? "")
                + (choice.value.map { "segment=\($0)&" } ?? "") + "after=\(last.id)"
        }
        let view = CustomersPageView(
            q: query, tag: tag, segment: segment.map { CustomersPageView.Segment(label: $0.label) },
            savedSegment: choice.segment.map { CustomersPageView.Segment(label: $0.name) },
            segments: WebFormat.segmentOptions(selected: segment), lists: choice.options, hasLists: !choice.segments.isEmpty,
            allHref: "/customers" + (tag.map { "?tag=" + WebRedirect.encoded($0) } ?? ""),
            rows: rows, empty: rows.isEmpty, next: next)
        return try pages.render("customers", context, title: "Customers", section: "customers", view: view)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await render(request, context: context, id: try id(context))
    }

    /// The customer's page; `refused` puts a refused form's message and what was typed on it.
    func render(
        _ request: Request, context: SignedInRequestContext, id: String, status: HTTPResponse.Status = .ok,
        refused: (inout CustomerPageView) -> Void = { _ in }
    ) async throws -> Response {
        let actor = context.actor
        var view = try await views.page(customerID: id, actor: actor)
        if actor.may(.workConversations) {
            // The inboxes that can reach this customer: by one of their identities, or a store visit logged by hand.
            let kinds = Set(view.identities.map(\.kind))
            let reaching = try await inboxes.inboxes(as: actor)
                .filter { actor.maySee($0) && ($0.channel == .store || $0.channel.identityKind.map { kinds.contains($0.rawValue) } == true) }
            view.writeInboxes = reaching.map { CustomerPageView.WriteInbox(id: $0.id, name: "\($0.name) (\(WebFormat.channelName($0.channel)))") }
            view.canWrite = !reaching.isEmpty
        }
        view.canExport = actor.may(.exportCustomerData)
        view.canErase = actor.may(.eraseCustomers)
        refused(&view)
        return try pages.render("customer", context, title: view.name, section: "customers", view: view, status: status)
    }

    @Sendable func addTag(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(TagForm.self)
        let id = try id(context)
        do {
            _ = try await customers.addTags(id: id, [input.tag], as: context.actor)
        } catch RapportError.invalid(let problems) {
            return try await render(request, context: context, id: id, status: .unprocessableContent) { view in
                view.tagError = problems.map(WebFormat.problem).joined(separator: " ")
                view.tagDraft = input.tag
            }
        }
        return WebRedirect.to("/customers/\(id)#tags")
    }

    @Sendable func removeTag(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(TagForm.self)
        let id = try id(context)
        _ = try await customers.removeTag(id: id, input.tag, as: context.actor)
        return WebRedirect.to("/customers/\(id)#tags")
    }

    /// `key` and `value`; an empty value removes the attribute. Numbers and yes/no stay text
    /// unless typed as such in `type`.
    @Sendable func setAttribute(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(AttributeForm.self)
        let id = try id(context)
        let key = input.key ?? ""
        do {
            let value: AttributeValue? = try input.value.map { text in
                switch input.type {
                case "number":
                    guard let number = Double(text) else { throw RapportError.invalid(field: "value", "must be a number") }
                    return .number(number)
                case "boolean": return .boolean(["yes", "true", "1"].contains(text.lowercased()))
                default: return .string(text)
                }
            }
            _ = try await customers.setAttribute(id: id, key: key, value: value, as: context.actor)
        } catch RapportError.invalid(let problems) {
            return try await render(request, context: context, id: id, status: .unprocessableContent) { view in
                view.attributeError = problems.map(WebFormat.problem).joined(separator: " ")
                view.attributeKey = key
                view.attributeValue = input.value ?? ""
            }
        }
        return WebRedirect.to("/customers/\(id)#attributes")
    }

    /// Two customers side by side before merging the second into the first.
    @Sendable func compare(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let id = try id(context)
        let other = try context.parameters.require("other")
        guard ResourceID.isValid(other, prefix: .customer), other != id else { throw RapportError.notFound("No customer \(other.prefix(64)).") }
        async let kept = views.page(customerID: id, actor: actor)
        async let merged = views.page(customerID: other, actor: actor)
        let view = CustomerMergePageView(kept: try await kept, merged: try await merged)
        return try pages.render("customer_merge", context, title: "Merge customers", section: "customers", view: view)
    }

    /// Writes to the customer first, in an inbox that can reach them; on to the new conversation.
    @Sendable func write(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(WriteForm.self)
        let id = try id(context)
        do {
            let (conversation, _) = try await conversations.start(
                inboxID: input.inboxID, customerID: id, ReplyInput(text: input.reply), as: context.actor)
            return WebRedirect.to("/inbox/\(conversation.id)")
        } catch RapportError.invalid(let problems) {
            return try await render(request, context: context, id: id, status: .unprocessableContent) { view in
                view.writeError = problems.map(WebFormat.problem).joined(separator: " ")
                view.writeDraft = input.text
            }
        }
    }

    /// An agent records what the customer told them: the source is `agent`, and the agent's
    /// address and browser are kept as evidence of who recorded it.
    @Sendable func recordConsent(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let id = try id(context)
        do {
            let input = try form.decode(ConsentForm.self)
            _ = try await consents.record(
                ConsentInput(purpose: input.purpose, channel: input.channel, status: input.status), customerID: id,
                witness: .observed(request, peerAddress: context.peerAddress, actor: context.actor), as: context.actor)
        } catch RapportError.invalid(let problems) {
            let message = problems.map(WebFormat.problem).joined(separator: " ")
            return try await render(request, context: context, id: id, status: .unprocessableContent) { $0.consentError = message }
        }
        return WebRedirect.to("/customers/\(id)#consent-h")
    }

    /// Everything held on the customer, as a download (`?format=zip` for the ZIP with CSV tables).
    @Sendable func export(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let format = try CustomerExportFile.format(of: request)
        return CustomerExportFile(try await privacy.export(customerID: try id(context), as: context.actor), format: format).response
    }

    /// Erases the customer for good once the admin typed ERASE; says what went.
    @Sendable func erase(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(EraseForm.self)
        let id = try id(context)
        guard input.confirm == "ERASE" else {
            return try await render(request, context: context, id: id, status: .unprocessableContent) {
                $0.eraseError = "Type ERASE to confirm: an erasure cannot be undone."
            }
        }
        let receipt = try await privacy.erase(customerID: id, orders: input.orders ?? .pseudonymise, as: context.actor)
        let kept = receipt.orders == .pseudonymise && (receipt.rows["orders"] ?? 0) > 0
            ? " Their \(receipt.rows["orders"] ?? 0) orders stay for the books, without their name, e-mail or address." : ""
        return try pages.render(
            "error", context, title: "Customer erased", section: "customers",
            view: ErrorPageView(
                heading: "Customer erased",
                message: "\(receipt.customerIDs.count) record(s) and everything linked to them are gone for good.\(kept) This cannot be undone."))
    }

    @Sendable func merge(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(MergeForm.self)
        let id = try id(context)
        _ = try await customers.merge(into: id, from: input.from, as: context.actor)
        return WebRedirect.to("/customers/\(id)")
    }

    @Sendable func unmerge(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = try await WebForm.read(request, context: context).decode(UnmergeForm.self)
        let id = try id(context)
        let record = try await customers.unmerge(customerID: id, mergeID: input.mergeID, as: context.actor)
        return WebRedirect.to("/customers/\(record.mergedID)")
    }

    private func id(_ context: SignedInRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .customer) else { throw RapportError.notFound("No customer \(id.prefix(64)).") }
        return id
    }
}
