/// A quantity of one order line that the customer sends back.
public struct ReturnItem: Sendable, Equatable, Codable {
    public var lineID: String
    public var quantity: Int

    // The stored JSON uses snake_case (`line_id`), which decodes to `lineId`, not `lineID`.
    enum CodingKeys: String, CodingKey {
        case quantity
        case lineID = "lineId"
    }

    public init(lineID: String, quantity: Int) {
        self.lineID = lineID
        self.quantity = quantity
    }
}
