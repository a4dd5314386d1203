import Foundation

/// Records touchpoints on customers' timelines.
public struct TimelineService: Sendable {
    private let customers: CustomerService
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    /// Records a touchpoint. On a merged-away id it lands on the survivor, so nothing reported is lost.
    /// Needs `editCustomers`.
    public func record(_ input: InteractionInput, customerID: String, as actor: Actor) async throws -> Interaction {
        try actor.require(.editCustomers)
        let workspaceID = actor.workspaceID
        var errors: [FieldError] = []
        let channel = InteractionChannel(rawValue: input.channel)
        if channel == nil {
            errors.append(FieldError(
                field: "channel",
                message: "unknown channel '\(input.channel)'; use one of \(InteractionChannel.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let direction = InteractionDirection(rawValue: input.direction)
        if direction == nil {
            errors.append(FieldError(field: "direction", message: "must be inbound, outbound or internal"))
        }
        let kindCharacters = input.kind.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ".") }
        if input.kind.isEmpty || input.kind.count > 64 || !kindCharacters {
            errors.append(FieldError(field: "kind", message: "must be 1 to 64 characters of a-z, 0-9, _ and ."))
        }
        if let summary = input.summary, summary.count > 2000 {
            errors.append(FieldError(field: "summary", message: "must be at most 2000 characters"))
        }
        guard errors.isEmpty, let channel, let direction else { throw RapportError.invalid(errors) }
        return try await context.write { transaction in
            let session = transaction.session
            let customer = try await customers.liveCustomerOrSurvivor(id: customerID, workspaceID: workspaceID, session: session)
            let now = customers.clock.now()
            let interaction = Interaction(
                id: ResourceID.make(.interaction, at: now), workspaceID: workspaceID, customerID: customer.id,
                channel: channel, direction: direction, kind: InteractionKind(rawValue: input.kind), summary: input.summary,
                occurredAt: input.occurredAt ?? now, payload: input.payload, createdAt: now)
            try await session.interactions.insert([interaction])
            try await transaction.record(InteractionChange(interaction))
            return interaction
        }
    }
}
