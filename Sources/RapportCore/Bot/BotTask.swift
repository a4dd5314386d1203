/// The order work the bot is collecting what it needs for (which order, proof, items).
public enum BotTask: String, Sendable, Codable, CaseIterable {
    case orderStatus = "order_status"
    case trackShipment = "track_shipment"
    case startReturn = "start_return"
    case returnStatus = "return_status"
    case cancelOrder = "cancel_order"
    case changeAddress = "change_address"
    case paymentLink = "payment_link"
    case paymentProblem = "payment_problem"
}
