/// A return was requested on an order, or moved to another status.
public struct ReturnChange: DomainChange {
    public var requested: Bool
    public var orderReturn: OrderReturn
    /// The order it is for, as it is after the change.
    public var order: Order

    public init(requested: Bool, _ orderReturn: OrderReturn, of order: Order) {
        self.requested = requested
        self.orderReturn = orderReturn
        self.order = order
    }

    public var eventType: DomainEventType { requested ? .returnRequested : .returnStatusChanged }
    public var workspaceID: String { orderReturn.workspaceID }
    public var subjectID: String { orderReturn.id }
    public var payload: any EventPayload { ReturnEventPayload(orderReturn: orderReturn) }
}
