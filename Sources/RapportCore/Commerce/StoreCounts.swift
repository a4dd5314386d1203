/// How many of each thing a workspace holds (`GET /api/v1/stats`).
public struct StoreCounts: Sendable, Equatable {
    public var customers: Int
    public var identities: Int
    public var products: Int
    public var orders: Int
    public var returns: Int
    public var trackedEvents: Int
    public var interactions: Int

    public init(customers: Int, identities: Int, products: Int, orders: Int, returns: Int, trackedEvents: Int, interactions: Int) {
        self.customers = customers
        self.identities = identities
        self.products = products
        self.orders = orders
        self.returns = returns
        self.trackedEvents = trackedEvents
        self.interactions = interactions
    }
}
