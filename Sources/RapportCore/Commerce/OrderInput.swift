import Foundation

/// An order as a caller, a shop webhook, a tracking event or an import describes it. The
/// customer is named by `customerID` or found (or created) from `customer`'s identities: a
/// guest order with only an e-mail address still lands on one customer. Totals left nil are
/// computed from the lines.
public struct OrderInput: Sendable, Equatable {
    public var customerID: String?
    public var customer: CustomerInput?
    public var number: String
    public var source: String
    public var externalID: String?
    public var status: OrderStatus?
    public var channel: OrderChannel
    public var currency: String
    public var lines: [OrderLineInput]
    public var subtotal: Int64?
    public var discount: Int64
    public var tax: Int64
    public var shipping: Int64
    public var total: Int64?
    public var discountCodes: [String]
    public var shippingAddress: Address?
    public var email: String?
    public var fulfillments: [FulfillmentInput]
    public var placedAt: Date?
    /// When the shop last changed the order (Shopify's `updated_at`, WooCommerce's `date_modified_gmt`).
    public var sourceUpdatedAt: Date?

    public init(
        customerID: String? = nil, customer: CustomerInput? = nil, number: String, source: String = "api",
        externalID: String? = nil, status: OrderStatus? = nil, channel: OrderChannel = .web, currency: String,
        lines: [OrderLineInput], subtotal: Int64? = nil, discount: Int64 = 0, tax: Int64 = 0, shipping: Int64 = 0,
        total: Int64? = nil, discountCodes: [String] = [], shippingAddress: Address? = nil, email: String? = nil,
        fulfillments: [FulfillmentInput] = [], placedAt: Date? = nil, sourceUpdatedAt: Date? = nil
    ) {
        self.sourceUpdatedAt = sourceUpdatedAt
        self.customerID = customerID
        self.customer = customer
        self.number = number
        self.source = source
        self.externalID = externalID
        self.status = status
        self.channel = channel
        self.currency = currency
        self.lines = lines
        self.subtotal = subtotal
        self.discount = discount
        self.tax = tax
        self.shipping = shipping
        self.total = total
        self.discountCodes = discountCodes
        self.shippingAddress = shippingAddress
        self.email = email
        self.fulfillments = fulfillments
        self.placedAt = placedAt
    }

    /// The id the order has in its source: the given one, or the number.
    public var resolvedExternalID: String { externalID ?? number }
}
