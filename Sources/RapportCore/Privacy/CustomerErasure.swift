/// A customer was erased (`customer.erased`): subscribers (a shop's webhook) erase them too.
public struct CustomerErasure: DomainChange {
    public var receipt: ErasureReceipt
    public var workspaceID: String

    public init(_ receipt: ErasureReceipt, workspaceID: String) {
        self.receipt = receipt
        self.workspaceID = workspaceID
    }

    public var eventType: DomainEventType { .customerErased }
    public var subjectID: String { receipt.customerID }
    public var payload: any EventPayload { CustomerErasedEventPayload(receipt) }
}
