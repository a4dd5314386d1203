/// What the lifetime models expect of one customer.
public struct CustomerForecast: Sendable, Equatable {
    /// Purchases expected over the horizon.
    public var expectedPurchases: Double
    /// The probability the customer is still buying.
    public var probabilityAlive: Double
    /// The expected value of their next orders (Gamma-Gamma).
    public var expectedOrderValue: Double
    /// Expected purchases month by month times the expected order value, discounted.
    public var lifetimeValue: Double

    public init(expectedPurchases: Double, probabilityAlive: Double, expectedOrderValue: Double, lifetimeValue: Double) {
        self.expectedPurchases = expectedPurchases
        self.probabilityAlive = probabilityAlive
        self.expectedOrderValue = expectedOrderValue
        self.lifetimeValue = lifetimeValue
    }
}
