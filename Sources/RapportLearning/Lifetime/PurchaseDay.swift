/// What one customer spent on one day (several orders that day summed): the unit the
/// lifetime models read, as the papers merge same-day purchases into one.
public struct PurchaseDay: Sendable, Equatable {
    public var customer: String
    /// Days since 1970-01-01.
    public var day: Int
    public var value: Double

    public init(customer: String, day: Int, value: Double) {
        self.customer = customer
        self.day = day
        self.value = value
    }
}
