/// An order's money, all in minor units of the order's currency.
public struct OrderTotals: Sendable, Equatable, Codable {
    public var subtotal: Int64
    public var discount: Int64
    public var tax: Int64
    public var shipping: Int64
    public var total: Int64
    /// What has been refunded so far; never more than `total`.
    public var refunded: Int64

    public init(subtotal: Int64, discount: Int64, tax: Int64, shipping: Int64, total: Int64, refunded: Int64 = 0) {
        self.subtotal = subtotal
        self.discount = discount
        self.tax = tax
        self.shipping = shipping
        self.total = total
        self.refunded = refunded
    }

    /// Totals computed from lines when the caller gives none: subtotal is the lines after their
    /// own discounts; total adds tax and shipping and takes off the order-level discount.
    public static func computed(lines: [OrderLine], discount: Int64, tax: Int64, shipping: Int64) -> OrderTotals {
        let subtotal = lines.reduce(Int64(0)) { $0 + $1.total }
        return OrderTotals(
            subtotal: subtotal, discount: discount, tax: tax, shipping: shipping,
            total: subtotal - discount + tax + shipping)
    }

    /// What the customer paid and kept: the total less refunds.
    public var net: Int64 { total - refunded }
}
