/// A product was added to the catalog or changed.
public struct ProductChange: DomainChange {
    public var created: Bool
    public var product: Product

    public init(created: Bool, _ product: Product) {
        self.created = created
        self.product = product
    }

    public var eventType: DomainEventType { created ? .productCreated : .productUpdated }
    public var workspaceID: String { product.workspaceID }
    public var subjectID: String { product.id }
    public var payload: any EventPayload { ProductEventPayload(product: product) }
}
