import Foundation

/// The tracking API's work (Segment's spec): stores each call once (by `messageId`), finds or
/// creates the customer a `userId` names, stitches an anonymous visitor's history onto the
/// customer at `identify` and `alias`, applies traits to the profile, and turns the
/// e-commerce spec's order events into orders and refunds, all in one transaction per batch.
public struct TrackingService: Sendable {
    /// The source a `userId` is kept under as an external identity, and orders from
    /// `Order Completed` under as their source.
    public static let source = "app"
    /// Segment's limit for one call.
    public static let maximumEventBytes = 32 * 1024

    private let customers: CustomerService
    private var context: CoreContext { customers.context }
    private let commerce: CommerceService
    private let queue: TrackingCommitQueue

    /// `maximumQueuedCalls`: how many calls may wait for their transaction in all (two fifths
    /// of them per workspace); past that a batch is refused with 503 and `Retry-After`.
    public init(commerce: CommerceService, maximumQueuedCalls: Int = 50_000) {
        self.customers = commerce.customers
        self.commerce = commerce
        self.queue = TrackingCommitQueue(maximumQueuedCalls: maximumQueuedCalls, maximumQueuedPerWorkspace: max(1, maximumQueuedCalls * 2 / 5))
    }

    /// Stores a batch; either every call in it is stored (or recognised as a repeat) or, when
    /// any call is invalid, none. Returns only after the transaction has committed.
    ///
    /// `provenance` is how far the sender can be trusted: calls made with a browser write key
    /// (public, in shop pages) are `asserted` — their identities land on profiles built from
    /// assertions and their order events stay behaviour; a server write key's are `proven`.
    public func ingest(_ messages: [TrackingMessage], workspaceID: String, provenance: IdentityProvenance) async throws -> TrackingReceipt {
        let now = customers.clock.now()
        var errors: [FieldError] = []
        var drafts: [TrackingDraft] = []
        drafts.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            let field = messages.count > 1 ? "batch[\(index)]" : nil
            switch TrackingDraft.make(message, field: field, normalizer: customers.normalizer, receivedAt: now) {
            case .success(var draft):
                draft.provenance = provenance
                drafts.append(draft)
            case .failure(.invalid(let problems)): errors += problems
            case .failure(let other): throw other
            }
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return try await queue.commit(drafts, workspaceID: workspaceID, service: self)
    }

    /// Writes the batches of one group commit in one transaction: every call of every batch
    /// is de-duplicated, resolved and inserted together. Returns, per batch, what it stored.
    func write(_ batches: [[TrackingDraft]], workspaceID: String) async throws -> [TrackingReceipt] {
        let now = customers.clock.now()
        let all = batches.flatMap { $0 }
        let fresh = try await context.retryingConflicts {
            try await context.write { transaction in
                try await write(all, workspaceID: workspaceID, receivedAt: now, transaction: transaction)
            }
        }
        var claimed = Set<String>()
        return batches.map { drafts in
            var receipt = TrackingReceipt(stored: 0, duplicates: 0)
            for draft in drafts {
                if fresh.contains(draft.messageID), claimed.insert(draft.messageID).inserted {
                    receipt.stored += 1
                } else {
                    receipt.duplicates += 1
                }
            }
            return receipt
        }
    }

    /// The message ids stored now.
    func write(
        _ drafts: [TrackingDraft], workspaceID: String, receivedAt: Date, transaction: WriteTransaction
    ) async throws -> Set<String> {
        let session = transaction.session
        var seen = Set<String>()
        let unique = drafts.filter { seen.insert($0.messageID).inserted }
        let stored = try await session.tracking.storedMessageIDs(unique.map(\.messageID), workspaceID: workspaceID)
        let fresh = unique.filter { !stored.contains($0.messageID) }
        guard !fresh.isEmpty else { return [] }

        let keys = Array(Set(fresh.flatMap { [$0.user?.key, $0.anonymous?.key, $0.previous?.key].compactMap { $0 } }))
        var owners = try await session.customers.owners(of: keys, workspaceID: workspaceID)
        let ownedBefore = Set(owners.keys)
        let upserts = try await withoutNoOps(profileUpserts(fresh, owners: owners), owners: owners, workspaceID: workspaceID, session: session)
        if !upserts.isEmpty {
            var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: workspaceID, actor: "tracking")
            let outcomes = try await batch.run(upserts)
            if outcomes.contains(where: \.movedIdentities) {
                // A merge, or proof taking an identity, moved identities between customers: read where they are now.
                owners = try await session.customers.owners(of: keys, workspaceID: workspaceID)
            } else {
                // Identities no one held went to the upsert's customer; held ones stayed put.
                for (upsert, outcome) in zip(upserts, outcomes) {
                    for identity in upsert.identities where owners[identity.key] == nil {
                        owners[identity.key] = IdentityOwner(customerID: outcome.customer.id, isDeleted: false, provenance: upsert.provenance)
                    }
                }
            }
        }

        var events: [TrackedEvent] = []
        events.reserveCapacity(fresh.count)
        // A deleted customer collects nothing new: a call naming their id stays unattributed
        // (or goes to the visitor's live profile) unless proof moved the id to a live customer.
        func liveOwner(_ identity: NormalizedIdentity?) -> IdentityOwner? {
            identity.flatMap { owners[$0.key] }.flatMap { $0.isDeleted ? nil : $0 }
        }
        for draft in fresh {
            let customerID = (liveOwner(draft.user) ?? liveOwner(draft.anonymous))?.customerID
            events.append(draft.event(workspaceID: workspaceID, customerID: customerID))
        }
        try await recordCommerce(fresh, workspaceID: workspaceID, transaction: transaction)
        try await session.tracking.insert(events)
        try await recordLeads(fresh, events: events, workspaceID: workspaceID, transaction: transaction)
        try await scoreLeads(fresh, events: events, workspaceID: workspaceID, transaction: transaction)
        for (draft, event) in zip(fresh, events) {
            guard let customerID = event.customerID else { continue }
            try await recordConsent(draft, customerID: customerID, workspaceID: workspaceID, transaction: transaction)
        }

        // Visitors identified by this batch: their earlier anonymous calls join the customer.
        // An anonymous id linked before had its calls joined then, and later ones on arrival.
        var stitches: [String: String] = [:]
        for draft in fresh where draft.message.type == .identify || draft.message.type == .alias {
            for anonymous in [draft.anonymous, draft.previous].compactMap({ $0 }) where !ownedBefore.contains(anonymous.key) {
                if let owner = owners[anonymous.key] { stitches[anonymous.value] = owner.customerID }
            }
        }
        if !stitches.isEmpty { _ = try await session.tracking.stitch(stitches, workspaceID: workspaceID) }
        Self.touchSegments(events, stitched: Set(stitches.values), workspaceID: workspaceID, transaction: transaction)
        try await JourneyListener.heard(events.compactMap(JourneyHappening.of), in: transaction)
        return Set(fresh.map(\.messageID))
    }

    /// The customers whose behaviour changed: each named event, and every event of a visitor
    /// stitched onto a customer.
    static func touchSegments(_ events: [TrackedEvent], stitched: Set<String>, workspaceID: String, transaction: WriteTransaction) {
        var names: [String: Set<String>] = [:]
        for event in events {
            guard let customerID = event.customerID else { continue }
            names[customerID, default: []].insert(event.name ?? event.type.rawValue)
        }
        for (customerID, events) in names where !stitched.contains(customerID) {
            transaction.touchSegments(of: [customerID], workspaceID: workspaceID, facets: [.events], events: events, reason: .trackedEvent)
        }
        transaction.touchSegments(of: stitched, workspaceID: workspaceID, facets: [.events], events: nil, reason: .trackedEvent)
    }

    /// The customer upserts a batch implies: identify (identities and traits), alias (the
    /// previous id joins the user), and a first call from an unknown `userId` (a new customer).
    private func profileUpserts(_ drafts: [TrackingDraft], owners: [IdentityKey: IdentityOwner]) -> [PreparedUpsert] {
        var upserts: [PreparedUpsert] = []
        var created = Set<IdentityKey>()
        for draft in drafts {
            let base = [draft.user, draft.anonymous].compactMap { $0?.input }
            switch draft.message.type {
            case .identify:
                let input = TraitMapping.customerInput(identities: base, traits: draft.message.properties)
                // Traits that do not normalise (an e-mail without a domain) are dropped, not fatal.
                let fallbacks = [input, CustomerInput(identities: base, firstName: input.firstName, lastName: input.lastName), CustomerInput(identities: base)]
                if let prepared = fallbacks.lazy.compactMap({ try? customers.prepare($0, field: nil, provenance: draft.provenance) }).first {
                    upserts.append(prepared)
                }
            case .alias:
                let identities = [draft.user?.input, draft.previous?.input].compactMap { $0 }
                if let prepared = try? customers.prepare(CustomerInput(identities: identities), field: nil, provenance: draft.provenance) {
                    upserts.append(prepared)
                }
            case .track, .page, .screen, .group:
                // An unknown user becomes a customer; a deleted one's id comes back only with proof
                // (it leaves the deleted record for a new customer, as for an order).
                guard let user = draft.user, owners[user.key] == nil || (owners[user.key]?.isDeleted == true && draft.provenance == .proven),
                    created.insert(user.key).inserted
                else { continue }
                if let prepared = try? customers.prepare(CustomerInput(identities: [user.input]), field: nil, provenance: draft.provenance) {
                    upserts.append(prepared)
                }
            }
        }
        return upserts
    }

    /// The upserts that would change something. SDKs repeat `identify` with the same traits on
    /// every page load; an upsert whose identities all belong to one customer already and whose
    /// traits leave that customer's profile as it is, is left out (one query for all of them).
    private func withoutNoOps(
        _ upserts: [PreparedUpsert], owners: [IdentityKey: IdentityOwner], workspaceID: String, session: any StoreSession
    ) async throws -> [PreparedUpsert] {
        func soleOwner(_ upsert: PreparedUpsert) -> String? {
            let found = upsert.identities.map { owners[$0.key] }
            guard let owner = found.first ?? nil, !owner.isDeleted, found.allSatisfy({ $0?.customerID == owner.customerID })
            else { return nil }
            // A proven call naming asserted links makes them proven: that is a change.
            if upsert.provenance == .proven, found.contains(where: { $0?.provenance == .asserted }) { return nil }
            return owner.customerID
        }
        let ids = Array(Set(upserts.compactMap(soleOwner)))
        guard !ids.isEmpty else { return upserts }
        var named: [String: Customer] = [:]
        for customer in try await session.customers.find(ids: ids, workspaceID: workspaceID) where customer.mergedIntoID == nil {
            named[customer.id] = customer
        }
        return upserts.filter { upsert in
            guard let id = soleOwner(upsert), let customer = named[id] else { return true }
            // An assertion never changes a customer who holds proof.
            if upsert.provenance == .asserted, customer.holdsProof { return false }
            return upsert.apply(to: customer.profile) != customer.profile
        }
    }

    /// A call's consent categories (Segment's `context.consent`) join the customer's consent
    /// history, source `tracking`, with what the call said of the person's address and browser.
    private func recordConsent(_ draft: TrackingDraft, customerID: String, workspaceID: String, transaction: WriteTransaction) async throws {
        let answers = ConsentCategories.answers(in: draft.message.context, provenance: draft.provenance)
        guard !answers.isEmpty else { return }
        let consents = ConsentService(customers: customers)
        for answer in answers {
            do {
                _ = try await consents.change(
                    ConsentInput(
                        purpose: answer.purpose.rawValue, channel: ConsentChannel.web.rawValue, status: answer.granted ? "granted" : "withdrawn",
                        occurredAt: draft.message.timestamp, text: "Consent category \(answer.category)",
                        ipAddress: draft.message.context["ip"]?.text, userAgent: draft.message.context["userAgent"]?.text),
                    source: .tracking, customerID: customerID, witness: .none, actor: "tracking", workspaceID: workspaceID, in: transaction)
            } catch RapportError.invalid {
                // A browser's clock far ahead: checked before anything is written; the call is kept without it.
            }
        }
    }

    /// `Order Completed` becomes an order (created or updated) and `Order Refunded` a refund.
    /// A call whose order data does not validate stays stored as behaviour only.
    private func recordCommerce(_ drafts: [TrackingDraft], workspaceID: String, transaction: WriteTransaction) async throws {
        var orders: [PreparedOrder] = []
        // Only a server key's calls are proof of a purchase: with a public browser key anyone
        // could invent orders, refunds and so loyalty points for anyone. Those stay behaviour.
        let trusted = drafts.filter { $0.provenance == .proven }
        for draft in trusted where draft.message.type == .track && draft.message.event == EcommerceMapping.orderCompleted {
            var identities = [draft.user, draft.anonymous].compactMap { $0?.input }
            if let email = EcommerceMapping.scalarText(draft.message.properties["email"]) {
                identities.append(IdentityInput(.email, value: email))
            }
            let customer = CustomerInput(identities: identities)
            guard let input = EcommerceMapping.order(draft.message, customer: customer, source: Self.source),
                let prepared = try? commerce.prepare([input])
            else { continue }
            orders += prepared
        }
        _ = try await commerce.writeOrders(orders, workspaceID: workspaceID, actor: "tracking", transaction: transaction)
        for draft in trusted where draft.message.type == .track && draft.message.event == EcommerceMapping.orderRefunded {
            guard let (orderID, refund) = EcommerceMapping.refund(draft.message, source: Self.source, messageID: draft.messageID)
            else { continue }
            do {
                _ = try await commerce.refund(orderExternalID: orderID, refund, workspaceID: workspaceID, transaction: transaction)
            } catch RapportError.notFound, RapportError.conflict {
                continue
            }
        }
    }
}
