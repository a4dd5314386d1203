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
        let now = context.clock.now()
        let checked = try ConsentRules.check(input, now: now, skew: Self.allowedSkew, maximumTextLength: Self.maximumTextLength)
        return try await context.write { transaction in
            let session = transaction.session
            let customer = try await customers.liveCustomerOrSurvivor(id: customerID, workspaceID: workspaceID, session: session)
            var textHash: String?
            if let text = checked.text { textHash = try await session.consents.storeText(text, workspaceID: workspaceID, at: now) }
            let entry = ConsentEntry(
                id: ResourceID.make(.consentEntry, at: now), workspaceID: workspaceID, customerID: customer.id, purpose: checked.purpose,
                channel: checked.channel, status: checked.status, expiresAt: checked.expiresAt,
                evidence: ConsentEvidence(
                    source: source, actor: actor, ipAddress: witness.ipAddress.map { String($0.prefix(64)) },
                    userAgent: witness.userAgent.map { String($0.prefix(512)) }, textHash: textHash, occurredAt: checked.occurredAt ?? now),
                recordedAt: now)
            try await session.consents.append(entry)
            try await transaction.record(ConsentChange(entry))
            let history = try await session.consents.history(customerID: customer.id, workspaceID: workspaceID)
            return ConsentState.states(from: history).first { $0.purpose == entry.purpose && $0.channel == entry.channel }
                ?? ConsentState(purpose: entry.purpose, channel: entry.channel, history: [entry])
        }
    }
}
