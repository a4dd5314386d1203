import Foundation

/// Records and reads customers' consent per purpose and channel. Every change is appended to
/// the history with its evidence and announced as `consent.changed`; nothing is overwritten.
public struct ConsentService: Sendable {
    /// The longest consent text kept (a long privacy notice fits; a document does not).
    public static let maximumTextLength = 20_000
    /// How far ahead of Rapport's clock a caller's `occurred_at` may be (clock skew).
    static let allowedSkew: TimeInterval = 300

    private let customers: CustomerService
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    /// Records a change stated by a caller. The actor's kind decides which sources it may
    /// claim: an API key relays a change made elsewhere (`api`, `form`, `shop`, `import`); a
    /// signed-in user records what the customer told them (`agent`). On a merged-away id the
    /// change lands on the survivor. Needs `editCustomers`.
    public func record(_ input: ConsentInput, customerID: String, witness: ConsentWitness, as actor: Actor) async throws -> ConsentState {
        try actor.require(.editCustomers)
        let allowed: [ConsentSource] = actor.userID != nil ? [.agent] : ConsentSource.claimableByAPI
        let source = try ConsentRules.source(input.source, allowed: allowed, default: allowed[0])
        return try await change(input, source: source, customerID: customerID, witness: witness, actor: actor.label, workspaceID: actor.workspaceID)
    }

    /// Every purpose and channel the customer has answered for, each with its history.
    public func consents(customerID: String, as actor: Actor) async throws -> [ConsentState] {
        try await context.store.read { session in
            let customer = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
            return ConsentState.states(from: try await session.consents.history(customerID: customer.id, workspaceID: actor.workspaceID))
        }
    }

    /// The wording a consent change referenced.
    public func text(hash: String, as actor: Actor) async throws -> String? {
        try await context.store.read { session in try await session.consents.text(hash: hash, workspaceID: actor.workspaceID) }
    }

    func change(
        _ input: ConsentInput, source: ConsentSource, customerID: String, witness: ConsentWitness, actor: String, workspaceID: String
    ) async throws -> ConsentState {
        try await context.write { transaction in
            try await change(input, source: source, customerID: customerID, witness: witness, actor: actor, workspaceID: workspaceID, in: transaction)
        }
    }

    /// Records a change in the caller's transaction (a shop's webhook, a tracking batch, a
    /// keyword, the preference centre's several answers at once, a confirmed sign-up with its
    /// `signUp` evidence): checked, de-duplicated, announced as `consent.changed`.
    func change(
        _ input: ConsentInput, source: ConsentSource, customerID: String, witness: ConsentWitness, actor: String, workspaceID: String,
        signUp: SignUpEvidence? = nil, in transaction: WriteTransaction
    ) async throws -> ConsentState {
        let now = transaction.now
        let checked = try ConsentRules.check(input, now: now, skew: Self.allowedSkew, maximumTextLength: Self.maximumTextLength)
        let session = transaction.session
        let (customer, mergeID) = try await owner(of: customerID, workspaceID: workspaceID, session: session)
        let before = ConsentState.states(from: try await session.consents.history(customerID: customer.id, workspaceID: workspaceID))
            .first { $0.purpose == checked.purpose && $0.channel == checked.channel }
        var textHash: String?
        if let text = checked.text { textHash = try await session.consents.storeText(text, workspaceID: workspaceID, at: now) }
        // The same answer from the same source again (a shop re-sending its record) adds nothing.
        if let before, before.status == checked.status, before.current.expiresAt == checked.expiresAt,
            before.current.evidence.source == source, textHash == nil || before.current.evidence.textHash == textHash,
            signUp == nil || before.current.evidence.signUp == signUp
        {
            return before
        }
        // A change recorded before, word for word (an older file imported again), adds nothing either.
        if let before, let occurredAt = checked.occurredAt,
            before.history.contains(where: { entry in
                entry.status == checked.status && entry.expiresAt == checked.expiresAt && entry.evidence.source == source
                    && entry.evidence.occurredAt == min(occurredAt, now) && entry.evidence.textHash == textHash && entry.evidence.signUp == signUp
            })
        {
            return before
        }
        let entry = ConsentEntry(
            id: ResourceID.make(.consentEntry, at: now), workspaceID: workspaceID, customerID: customer.id, purpose: checked.purpose,
            channel: checked.channel, status: checked.status, expiresAt: checked.expiresAt,
            evidence: ConsentEvidence(
                source: source, actor: actor, ipAddress: Self.clipped(witness.ipAddress ?? checked.ipAddress, 64),
                userAgent: Self.clipped(witness.userAgent ?? checked.userAgent, 512), textHash: textHash,
                occurredAt: min(checked.occurredAt ?? now, now), signUp: signUp),
            recordedAt: now)
        try await session.consents.append(entry)
        if let mergeID { try await session.interactions.rememberMove(of: entry.id, underMerge: mergeID) }
        try await transaction.record(ConsentChange(entry))
        let history = (before?.history ?? []) + [entry]
        return ConsentState.states(from: history).first ?? ConsentState(purpose: entry.purpose, channel: entry.channel, history: [entry])
    }

    /// The live customer a change for `customerID` belongs to. For a merged-away id it is the
    /// survivor, with the merge, so that an unmerge gives the change back to the customer it
    /// was sent for.
    private func owner(of customerID: String, workspaceID: String, session: any StoreSession) async throws -> (Customer, String?) {
        do {
            return (try await customers.liveCustomer(id: customerID, workspaceID: workspaceID, session: session), nil)
        } catch RapportError.mergedInto(let survivorID) {
            let survivor = try await customers.liveCustomer(id: survivorID, workspaceID: workspaceID, session: session)
            let merge = try await session.merges.merges(into: survivorID, workspaceID: workspaceID)
                .first { $0.mergedID == customerID && $0.undoneAt == nil }
            return (survivor, merge?.id)
        }
    }

    /// At most `limit` characters (Unicode scalars, so a few kilobytes at most).
    static func clipped(_ text: String?, _ limit: Int) -> String? {
        guard let text else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(limit))
        return String(scalars)
    }
}
