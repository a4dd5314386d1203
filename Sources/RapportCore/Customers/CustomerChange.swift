/// A customer was created, changed, deleted or restored (the event carries the customer as
/// the API shows it), gained or lost an identity (the event carries the identity), or was
/// merged or unmerged (the event carries the merge).
public struct CustomerChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
        case deleted
        case restored
        case identityAdded(Identity)
        case identityRemoved(Identity)
        case merged(MergeEventPayload)
        case unmerged(MergeEventPayload)
    }

    public var kind: Kind
    public var customer: Customer

    public init(_ kind: Kind, _ customer: Customer) {
        self.kind = kind
        self.customer = customer
    }

    public var eventType: DomainEventType {
        switch kind {
        case .created: .customerCreated
        case .updated: .customerUpdated
        case .deleted: .customerDeleted
        case .restored: .customerRestored
        case .identityAdded: .customerIdentityAdded
        case .identityRemoved: .customerIdentityRemoved
        case .merged: .customerMerged
        case .unmerged: .customerUnmerged
        }
    }

    public var workspaceID: String { customer.workspaceID }
    public var subjectID: String { customer.id }

    public var payload: any EventPayload {
        switch kind {
        case .created, .updated, .deleted, .restored: CustomerEventPayload(customer)
        case .identityAdded(let identity), .identityRemoved(let identity): IdentityEventPayload(identity)
        case .merged(let merge), .unmerged(let merge): merge
        }
    }
}
