/// A customer was created, changed, deleted or restored; the event carries the customer as
/// the API shows it.
public struct CustomerChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
        case deleted
        case restored
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
        }
    }

    public var workspaceID: String { customer.workspaceID }
    public var subjectID: String { customer.id }
    public var payloadJSON: String { CustomerDocument.json(customer) }
}
