import Foundation

/// Customers and identity resolution: upserts by identity, merges and unmerges, profile edits,
/// soft deletion and the 360° view. Every change appends its events in the same transaction.
public struct CustomerService: Sendable {
    /// How long a soft-deleted customer can be restored.
    public static let restoreWindow: TimeInterval = 30 * 24 * 3600

    /// The kernel shared by every service: store, clock, events and their subscribers.
    public let context: CoreContext
    let normalizer: IdentityNormalizer
    let policy: MergePolicy
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(
        context: CoreContext,
        normalizer: IdentityNormalizer = IdentityNormalizer(defaultRegion: PhoneRegion.known["US"] ?? PhoneRegion(code: "US", callingCode: "1", trunkPrefix: "1", nationalLength: 10)),
        policy: MergePolicy = .standard
    ) {
        self.context = context
        self.normalizer = normalizer
        self.policy = policy
    }

    // MARK: Upsert

    /// Creates or updates the customer the input's identities name, merging customers when
    /// the identities join two of them and the policy allows it.
    /// Creates or updates the customer the input's identities name (proven: the caller holds
    /// a secret key or is signed in). Needs `editCustomers`.
    public func upsert(_ input: CustomerInput, as actor: Actor) async throws -> UpsertOutcome {
        try actor.require(.editCustomers)
        return try await upsert(input, workspaceID: actor.workspaceID, actor: actor.label)
    }

    /// Many upserts in one transaction (an import); every input is validated first. Needs `editCustomers`.
    public func upsertMany(_ inputs: [CustomerInput], as actor: Actor) async throws -> [UpsertOutcome] {
        try actor.require(.editCustomers)
        return try await upsertMany(inputs, workspaceID: actor.workspaceID, actor: actor.label)
    }

    func upsert(_ input: CustomerInput, workspaceID: String, actor: String) async throws -> UpsertOutcome {
        let prepared = try prepare(input, field: nil, provenance: .proven)
        return try await context.retryingConflicts {
            try await context.write { transaction in
                var batch = UpsertBatch(service: self, transaction: transaction, workspaceID: workspaceID, actor: actor)
                return try await batch.run([prepared])[0]
            }
        }
    }

    /// Upserts many customers in one transaction (imports, benchmarks). Either all are
    /// written or, on any invalid input, none; field errors are named `[index].field`.
    func upsertMany(_ inputs: [CustomerInput], workspaceID: String, actor: String) async throws -> [UpsertOutcome] {
        var prepared: [PreparedUpsert] = []
        prepared.reserveCapacity(inputs.count)
        var errors: [FieldError] = []
        for (index, input) in inputs.enumerated() {
            do {
                prepared.append(try prepare(input, field: "[\(index)]", provenance: .proven))
            } catch RapportError.invalid(let fieldErrors) {
                errors += fieldErrors
            }
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return try await upsertPrepared(prepared, workspaceID: workspaceID, actor: actor)
    }

    /// Upserts inputs validated before (imports validate row by row, then write in batches);
    /// `then` writes what goes with them (an import's consent answers) in the same transaction.
    func upsertPrepared(
        _ validated: [PreparedUpsert], workspaceID: String, actor: String,
        then: @Sendable (WriteTransaction, [UpsertOutcome]) async throws -> Void = { _, _ in }
    ) async throws -> [UpsertOutcome] {
        try await context.retryingConflicts {
            try await context.write { transaction in
                var batch = UpsertBatch(service: self, transaction: transaction, workspaceID: workspaceID, actor: actor)
                let outcomes = try await batch.run(validated)
                try await then(transaction, outcomes)
                return outcomes
            }
        }
    }

    func prepare(_ input: CustomerInput, field: String?, provenance: IdentityProvenance) throws(RapportError) -> PreparedUpsert {
        func name(_ path: String) -> String { field.map { "\($0).\(path)" } ?? path }
        var errors: [FieldError] = []
        var identities: [NormalizedIdentity] = []
        switch normalizer.normalizeAll(input.identities, field: name("identities")) {
        case .success(let normalized): identities = normalized
        case .failure(.invalid(let fieldErrors)): errors += fieldErrors
        case .failure(let other): throw other
        }
        var tags: [String] = []
        switch ProfileRules.canonicalTags(input.tags, field: name("tags")) {
        case .success(let canonical): tags = canonical
        case .failure(.invalid(let fieldErrors)): errors += fieldErrors
        case .failure(let other): throw other
        }
        let prepared = PreparedUpsert(identities: identities, input: input, tags: tags, provenance: provenance)
        errors += ProfileRules.problems(in: prepared.apply(to: CustomerProfile()))
            .map { FieldError(field: name($0.field), message: $0.message) }
        guard errors.isEmpty else { throw .invalid(errors) }
        return prepared
    }

    // MARK: Reading

    /// The 360° view. Throws `.mergedInto(survivor)` for a merged-away id and `.notFound` for a deleted one.
    public func view(id: String, as actor: Actor) async throws -> CustomerView {
        var found = try await view(id: id, workspaceID: actor.workspaceID)
        found.recentInteractions = try await readable(found.recentInteractions, by: actor)
        return found
    }

    /// What the actor may read of touchpoints, by the conversation scope: whoever may not read
    /// conversations (a marketer) sees that a message was exchanged, not what it said, and an
    /// agent sees what was said only in their teams' inboxes — the same rule as the inbox's.
    func readable(_ interactions: [Interaction], by actor: Actor) async throws -> [Interaction] {
        guard actor.may(.readConversations) else { return interactions.map { $0.withoutConversationContent() } }
        guard actor.role == .agent, interactions.contains(where: \.isConversationMessage) else { return interactions }
        let inboxes = try await store.read { session in try await session.inboxes.inboxes(workspaceID: actor.workspaceID) }
        let visible = Set(inboxes.filter(actor.maySee).map(\.id))
        return interactions.map { interaction in
            guard interaction.isConversationMessage else { return interaction }
            return interaction.conversationInboxID.map(visible.contains) == true ? interaction : interaction.withoutConversationContent()
        }
    }

    /// The 360° view a person opens (the API's customer, the customer page): `view`, with a
    /// `customer.viewed` entry in the audit log (written in a batch, `AuditBuffer`).
    public func open(id: String, as actor: Actor) async throws -> CustomerView {
        let found = try await view(id: id, as: actor)
        await context.audits.add(AuditRecord(.customerViewed, subject: .customer(found.customer.id)), by: actor, at: clock.now())
        return found
    }

    func view(id: String, workspaceID: String) async throws -> CustomerView {
        try await store.read { session in
            if let view = try await session.customers.view(id: id, workspaceID: workspaceID),
                view.customer.mergedIntoID == nil, view.customer.deletedAt == nil
            {
                return try await completed(view, session: session)
            }
            // Missing, merged away or deleted: this says which, with the survivor's id for a merge.
            _ = try await liveCustomer(id: id, workspaceID: workspaceID, session: session)
            // Live after all: a restore or unmerge committed between the two reads.
            guard let fresh = try await session.customers.view(id: id, workspaceID: workspaceID) else {
                throw RapportError.notFound("No customer with id \(id).")
            }
            return try await completed(fresh, session: session)
        }
    }

    /// The view with what other repositories hold: purchases, scores and consent.
    private func completed(_ view: CustomerView, session: any StoreSession) async throws -> CustomerView {
        var view = view
        let id = view.customer.id
        let workspaceID = view.customer.workspaceID
        view.commerce = try await session.orders.summary(customerID: id, workspaceID: workspaceID)
        view.rfm = try await session.insights.customerRFM(customerID: id, workspaceID: workspaceID)
        view.lifetimeValue = try await session.insights.lifetimeValue(customerID: id, workspaceID: workspaceID)
        view.consents = ConsentState.states(from: try await session.consents.history(customerID: id, workspaceID: workspaceID))
        return view
    }

    /// The customers with these ids (a list's names in one read); missing ones are left out.
    public func customers(ids: [String], as actor: Actor) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        return try await store.read { session in try await session.customers.find(ids: Array(Set(ids)), workspaceID: actor.workspaceID) }
    }

    /// Live customers in the segment (tag, RFM segment, lifetime value, members of a saved
    /// segment or list; tags are stored lower-cased), newest first; with a query, those of them
    /// whose names, e-mails or phones match it. Without a segment, a query that is a whole
    /// e-mail address or phone number is first looked up as an identity: an exact hit answers
    /// at once, where a word search would match every `example.com` address. A saved segment
    /// needs `viewSegments` and must be one of the workspace's (else 422 naming `segment`).
    public func list(
        query: String? = nil, filter: CustomerFilter = CustomerFilter(), page: PageRequest, as actor: Actor
    ) async throws -> Page<Customer> {
        let workspaceID = actor.workspaceID
        var segment = filter
        segment.tag = filter.tag?.trimmed.lowercased()
        let normalized = segment
        guard let query = query?.trimmed, !query.isEmpty else {
            return try await store.read { session in
                try await SegmentFilter.check(normalized.segmentID, as: actor, session: session)
                return try await session.customers.list(workspaceID: workspaceID, filter: normalized, page: page)
            }
        }
        let tokens = CustomerSearchDocument.queryTokens(query)
        let exact = normalized.isEmpty ? exactIdentity(query) : nil
        return try await store.read { session in
            try await SegmentFilter.check(normalized.segmentID, as: actor, session: session)
            if let exact, page.startingAfter == nil,
                let owner = try await session.customers.owners(of: [exact], workspaceID: workspaceID)[exact],
                !owner.isDeleted,
                let customer = try await session.customers.find(id: owner.customerID, workspaceID: workspaceID)
            {
                return Page(items: [customer], hasMore: false)
            }
            guard !tokens.isEmpty else { return Page(items: [], hasMore: false) }
            return try await session.customers.search(tokens: tokens, filter: normalized, workspaceID: workspaceID, page: page)
        }
    }

    /// The identity a search query names outright: an e-mail address, or a phone number with `+`.
    private func exactIdentity(_ query: String) -> IdentityKey? {
        if query.contains("@") {
            return try? normalizer.normalize(IdentityInput(.email, value: query), field: "query").get().key
        }
        if query.hasPrefix("+") {
            return try? normalizer.normalize(IdentityInput(.phone, value: query), field: "query").get().key
        }
        return nil
    }

    /// The customer's touchpoints, newest first, as far as the actor may read them (`readable`).
    public func timeline(customerID: String, page: PageRequest, as actor: Actor) async throws -> Page<Interaction> {
        let workspaceID = actor.workspaceID
        var found = try await store.read { session in
            let customer = try await liveCustomer(id: customerID, workspaceID: workspaceID, session: session)
            return try await session.interactions.timeline(customerID: customer.id, workspaceID: workspaceID, page: page)
        }
        found.items = try await readable(found.items, by: actor)
        return found
    }

    /// The customer with `id`, or the one it was merged into: what is reported for a
    /// merged-away id (a touchpoint, a consent change) lands on the survivor, so nothing is lost.
    func liveCustomerOrSurvivor(id: String, workspaceID: String, session: any StoreSession) async throws -> Customer {
        do {
            return try await liveCustomer(id: id, workspaceID: workspaceID, session: session)
        } catch RapportError.mergedInto(let survivorID) {
            return try await liveCustomer(id: survivorID, workspaceID: workspaceID, session: session)
        }
    }

    /// The customer with `id` if it is live; otherwise the error that says where it went.
    func liveCustomer(id: String, workspaceID: String, session: any StoreSession) async throws -> Customer {
        let customer = try await liveOrDeletedCustomer(id: id, workspaceID: workspaceID, session: session)
        if let deletedAt = customer.deletedAt {
            throw RapportError.notFound(
                "Customer \(id) was deleted at \(Timestamp.iso8601(deletedAt)); POST /api/v1/customers/\(id)/restore brings it back within 30 days.")
        }
        return customer
    }

    /// The customer with `id`, live or deleted (within the restore window); `.mergedInto` for
    /// a merged-away id, `.gone` for an erased one, `.notFound` otherwise.
    func liveOrDeletedCustomer(id: String, workspaceID: String, session: any StoreSession) async throws -> Customer {
        if let erasedAt = try await session.privacy.erasedAt(customerID: id, workspaceID: workspaceID) {
            throw RapportError.gone("Customer \(id) was erased at \(Timestamp.iso8601(erasedAt)); nothing of it is left.")
        }
        guard var customer = try await session.customers.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No customer with id \(id).")
        }
        var hops = 0
        while let next = customer.mergedIntoID, hops < 100 {
            guard let survivor = try await session.customers.find(id: next, workspaceID: workspaceID) else { break }
            customer = survivor
            hops += 1
        }
        if customer.id != id { throw RapportError.mergedInto(customer.id) }
        return customer
    }
}

extension CustomerService {
    /// The live customer an identity belongs to, or nil. The identity is normalised first.
    public func customerID(for identity: IdentityInput, as actor: Actor) async throws -> String? {
        let workspaceID = actor.workspaceID
        let key = try normalizer.normalize(identity, field: "identity").get().key
        return try await store.read { session in
            try await session.customers.owners(of: [key], workspaceID: workspaceID)[key]?.customerID
        }
    }
}
