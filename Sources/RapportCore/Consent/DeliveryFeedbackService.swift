import Foundation

/// Applies a provider's delivery feedback for an e-mail inbox: a hard bounce suppresses the
/// address for every message; a complaint suppresses it for everything that needs consent and
/// withdraws marketing e-mail; an unsubscribe withdraws marketing e-mail. The withdrawals are
/// recorded for the customer holding that address (source `provider`).
public struct DeliveryFeedbackService: Sendable {
    private let consents: ConsentService
    private let customers: CustomerService
    private var context: CoreContext { customers.context }

    public init(consents: ConsentService, customers: CustomerService) {
        self.consents = consents
        self.customers = customers
    }

    /// Returns how many reports changed something.
    public func apply(_ feedback: [DeliveryFeedback], inbox: Inbox, provider: String) async throws -> Int {
        guard let channel = inbox.channel.consentChannel else { return 0 }
        var applied = 0
        for report in feedback {
            try await context.write { transaction in
                let session = transaction.session
                let now = transaction.now
                switch report.kind {
                case .hardBounce, .complaint:
                    try await session.suppressions.suppress(Suppression(
                        workspaceID: inbox.workspaceID, channel: channel, address: report.address,
                        reason: report.kind == .hardBounce ? .hardBounce : .complaint, source: provider, createdAt: now))
                case .unsubscribe:
                    break
                }
                guard report.kind != .hardBounce, let identity = ContactIdentity.inputs(channel: inbox.channel, address: report.address).first,
                    case .success(let normalized) = customers.normalizer.normalize(identity, field: "address"),
                    let owner = try await session.customers.owners(of: [normalized.key], workspaceID: inbox.workspaceID)[normalized.key],
                    !owner.isDeleted
                else { return }
                _ = try await consents.change(
                    ConsentInput(
                        purpose: ConsentPurpose.marketing.rawValue, channel: channel.rawValue, status: "withdrawn", occurredAt: report.occurredAt,
                        text: report.kind == .complaint ? "Reported a message as spam (\(provider))" : "Unsubscribed through \(provider)'s link"),
                    source: .provider, customerID: owner.customerID, witness: .none, actor: "inbox:\(inbox.id)", workspaceID: inbox.workspaceID,
                    in: transaction)
            }
            applied += 1
        }
        return applied
    }
}
